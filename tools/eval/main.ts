// `npm run eval`: imports and checks the labelled letters of the shared corpus
// in memory and prints recall per category, precision per code and the errors
// raised on these published letters, counted as ../shared/eval/score.mjs counts.
//
//   npm run eval [-- --details] [-- --json OUT] [-- --letters DIR --labels FILE]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultPaths, evaluate } from './corpus';
import { formatScore } from './score';
import { belowFloor, raiseFloor, type Floor } from './floor';

const HELP = `Usage: node dist/eval.js [--letters DIR] [--labels FILE] [--details] [--json OUT]

Imports and checks the labelled letters in memory and prints recall per
labelled category, precision per finding code and the errors raised on these
published letters.

  --letters DIR   the letters (ID.txt); default: IMR_SHARED_DIR or ../shared, corpus/letters
  --labels FILE   the labels (TSV); default: the same folder, eval/labels-dev.tsv
  --details       also list every missed label and every false alarm
  --json OUT      also write the figures, misses and false alarms to OUT as JSON
  --raise-floor   raise the floor of the corpus test (test/unit/quality-floor.json)
                  to this run's figures wherever they are better; never lowers it
`;

async function main(argv: string[]): Promise<number> {
  if (argv.includes('-h') || argv.includes('--help')) {
    process.stdout.write(HELP);
    return 0;
  }
  const opt = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const root = path.resolve(__dirname, '..');
  const paths = defaultPaths(root);
  const letters = opt('--letters') ?? paths.letters;
  const labels = opt('--labels') ?? paths.labels;
  for (const [what, p] of [
    ['letters', letters],
    ['labels', labels],
  ] as const) {
    if (!fs.existsSync(p)) {
      process.stderr.write(`eval: no ${what} at ${p}; set IMR_SHARED_DIR to the folder that holds corpus/ and eval/, or pass --${what}\n`);
      return 2;
    }
  }
  const s = await evaluate({ letters: path.resolve(letters), labels: path.resolve(labels) });
  for (const p of s.labelProblems) process.stdout.write(p + '\n');
  process.stdout.write(formatScore(s, argv.includes('--details')));
  const json = opt('--json');
  if (json) fs.writeFileSync(json, JSON.stringify(s, null, 2) + '\n');
  const floorFile = path.join(root, 'test', 'unit', 'quality-floor.json');
  const floor = fs.existsSync(floorFile) ? (JSON.parse(fs.readFileSync(floorFile, 'utf8')) as Floor) : undefined;
  const below = floor ? belowFloor(s, floor) : [];
  for (const b of below) process.stdout.write(`below the floor: ${b}\n`);
  if (argv.includes('--raise-floor')) {
    fs.writeFileSync(floorFile, JSON.stringify(raiseFloor(floor, s), null, 2) + '\n');
    process.stdout.write(`floor written to ${path.relative(process.cwd(), floorFile)}\n`);
  }
  return below.length ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`eval: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
