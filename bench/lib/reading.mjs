// The clinical reading layer on its own: how long reading every sentence of a
// case takes with an empty memo (a case just opened), with a full one (the
// next analysis of an unchanged case), and after one edit (one sentence's
// text changed, every other reading reused). Sentences are those the case
// language splits the summary and rationales into.
import { time } from './stats.mjs';

export function measureReading(svc, text, runs) {
  const { parseCase, createReader, bundledLexicon } = svc;
  const compile = time(() => bundledLexicon(), Math.max(3, Math.floor(runs / 10)), 2);
  const lexicon = bundledLexicon();
  const file = parseCase(text);
  const sentences = [];
  if (file.summary) for (const s of file.summary.prose.sentences) sentences.push(s.text);
  for (const item of file.items) if (item.rationale) for (const s of item.rationale.prose.sentences) sentences.push(s.text);
  if (sentences.length === 0) throw new Error('the benchmark case has no prose sentences to read');
  const readAll = (reader, texts) =>
    reader.analysis(() => {
      let mentions = 0;
      for (const s of texts) mentions += reader.read(s).mentions.length;
      return mentions;
    });
  // Cold: a new reader each run (its memo empty), the lexicon compiled once.
  const cold = time(() => readAll(createReader(lexicon), sentences), runs);
  // Warm: the same reader, the same texts.
  const warmReader = createReader(lexicon);
  readAll(warmReader, sentences);
  const warm = time(() => readAll(warmReader, sentences), runs);
  // One edit: one sentence's text differs in each run (a keystroke), the rest are reused.
  const editReader = createReader(lexicon);
  readAll(editReader, sentences);
  const at = Math.floor(sentences.length / 2);
  const edit = time((i) => {
    const texts = sentences.slice();
    texts[at] = `${texts[at]} ${i}`;
    return readAll(editReader, texts);
  }, runs);
  const mentions = readAll(createReader(lexicon), sentences);
  const chars = sentences.reduce((n, s) => n + s.length, 0);
  return { sentences: sentences.length, chars, mentions, concepts: lexicon.concepts.size, phrases: lexicon.matcher.size, compile, cold, warm, edit };
}
