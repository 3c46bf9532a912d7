-- Drives the IMR language server from Neovim's own LSP client (headless):
-- opens one case file, waits for the diagnostics the server publishes, asks
-- for the outline, and writes what Neovim received to a JSON file.
-- Arguments come from the environment: IMR_SERVER (dist/server.js),
-- IMR_CASE (the .imr file), IMR_ROOT (workspace folder), IMR_OUT (result file).
local server = os.getenv('IMR_SERVER')
local case_file = os.getenv('IMR_CASE')
local out_file = os.getenv('IMR_OUT')
local result = { diagnostics = {}, symbols = nil, errors = {} }

local function finish()
  local f = io.open(out_file, 'w')
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd('qa!')
end

local ok, err = pcall(function()
  -- Case text must not end up in Neovim's LSP log (which the test also keeps
  -- in a throwaway folder); 0.7 has no OFF level, so log errors only.
  vim.lsp.set_log_level(vim.log.levels.OFF or 'ERROR')
  local client_id = vim.lsp.start_client({
    name = 'imr',
    cmd = { 'node', server, '--stdio' },
    root_dir = os.getenv('IMR_ROOT'),
    on_exit = function(code) if code ~= 0 then table.insert(result.errors, 'server exited with ' .. code) end end,
  })
  if not client_id then error('the client did not start') end
  vim.cmd('edit ' .. vim.fn.fnameescape(case_file))
  local buf = vim.api.nvim_get_current_buf()
  vim.bo[buf].filetype = 'imr'
  vim.lsp.buf_attach_client(buf, client_id)

  local got = vim.wait(15000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
  if not got then table.insert(result.errors, 'no diagnostics within 15 s') end
  result.diagnostics = vim.diagnostic.get(buf)

  local responses = vim.lsp.buf_request_sync(buf, 'textDocument/documentSymbol',
    { textDocument = vim.lsp.util.make_text_document_params(buf) }, 10000)
  if responses and responses[client_id] then
    result.symbols = responses[client_id].result
    if responses[client_id].err then table.insert(result.errors, vim.inspect(responses[client_id].err)) end
  else
    table.insert(result.errors, 'no answer to documentSymbol')
  end
  vim.lsp.stop_client(client_id)
end)
if not ok then table.insert(result.errors, tostring(err)) end
finish()
