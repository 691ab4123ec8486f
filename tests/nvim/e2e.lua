-- End-to-end test of sfo-lint-lsp in a real editor: headless Neovim 0.7 (Debian's),
-- which offers only UTF-16 positions. Run by tests/nvim/run.sh, which passes:
--   SFO_LSP_BIN   the server binary
--   SFO_FIXTURE   the text file to open
-- Exits 0 when every check passes, else prints why and exits 1.

local TIMEOUT = tonumber(os.getenv('SFO_NVIM_TIMEOUT') or '20') * 1000

local function fail(msg)
  error('FAIL: ' .. msg, 0)
end

local function check(cond, msg)
  if not cond then
    fail(msg)
  end
end

local function log(msg)
  io.stdout:write('nvim-e2e: ' .. msg .. '\n')
end

local function offender_term(diags)
  for _, d in ipairs(diags or {}) do
    if d.code == 'offender-term' then
      return d
    end
  end
end

local function run()
  local bin = os.getenv('SFO_LSP_BIN')
  local fixture = os.getenv('SFO_FIXTURE')
  check(bin and vim.fn.executable(bin) == 1, 'server binary not executable: ' .. tostring(bin))
  check(fixture and vim.fn.filereadable(fixture) == 1, 'fixture not readable: ' .. tostring(fixture))

  vim.cmd('edit ' .. vim.fn.fnameescape(fixture))
  local bufnr = vim.api.nvim_get_current_buf()
  local uri = vim.uri_from_bufnr(bufnr)

  -- Every publishDiagnostics as the server sent it (LSP positions), then Neovim's own
  -- handling, so vim.diagnostic is filled as it is for a user.
  local published = {}
  local exited = nil
  local client_id = vim.lsp.start_client({
    name = 'sfo-lint',
    cmd = { bin, '--stdio' },
    root_dir = vim.fn.fnamemodify(fixture, ':p:h'),
    handlers = {
      ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
        if result and result.uri == uri then
          table.insert(published, result)
        end
        return vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
      end,
    },
    on_exit = function(code)
      exited = code
    end,
  })
  check(client_id, 'vim.lsp.start_client failed')
  check(vim.lsp.buf_attach_client(bufnr, client_id), 'vim.lsp.buf_attach_client failed')

  -- 1. Diagnostics arrive, with the rule id and the exact UTF-16 range.
  local got = vim.wait(TIMEOUT, function()
    return #published > 0 or exited ~= nil
  end, 20)
  check(got and exited == nil, 'no diagnostics from the server within the timeout (exit code ' .. tostring(exited) .. ')')
  local client = vim.lsp.get_client_by_id(client_id)
  check(client.offset_encoding == 'utf-16', 'expected UTF-16 positions, got ' .. tostring(client.offset_encoding))

  local first = published[#published]
  local d = offender_term(first.diagnostics)
  check(d, 'no offender-term diagnostic in ' .. vim.inspect(first.diagnostics))
  check(d.source == 'sfo-lint', 'source is ' .. tostring(d.source))
  local r = d.range
  -- Line 0: “Case” notes 😀<nbsp>The offender ... — "offender" is UTF-16 columns 20–28.
  check(
    r.start.line == 0 and r.start.character == 20 and r['end'].line == 0 and r['end'].character == 28,
    'offender-term range is ' .. vim.inspect(r) .. ', expected line 0 cols 20-28'
  )
  check(first.version ~= nil, 'diagnostics carry no version')
  for _, x in ipairs(first.diagnostics) do
    check(type(x.code) == 'string' and x.code:match('^[a-z-]+$'), 'diagnostic without a rule id: ' .. vim.inspect(x))
  end
  log(('received %d diagnostic(s); offender-term at 0:%d-%d (UTF-16)'):format(#first.diagnostics, r.start.character, r['end'].character))

  -- Neovim placed it on the same characters (its columns are bytes: 27–35).
  local placed = nil
  vim.wait(TIMEOUT, function()
    for _, x in ipairs(vim.diagnostic.get(bufnr)) do
      if x.code == 'offender-term' or (x.user_data and x.user_data.lsp and x.user_data.lsp.code == 'offender-term') then
        placed = x
      end
    end
    return placed ~= nil
  end, 20)
  check(placed, 'vim.diagnostic has no offender-term')
  local line0 = vim.api.nvim_buf_get_lines(bufnr, 0, 1, true)[1]
  check(line0:sub(placed.col + 1, placed.end_col) == 'offender', 'squiggle covers "' .. line0:sub(placed.col + 1, placed.end_col) .. '"')

  -- 2. Hover on the finding explains the rule.
  local pos = { line = 0, character = 23 }
  local hover = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', { textDocument = { uri = uri }, position = pos }, TIMEOUT)
  local value = hover and hover[client_id] and hover[client_id].result and hover[client_id].result.contents.value
  check(value and value:find('Instead', 1, true) and value:find('offender-term', 1, true), 'hover: ' .. vim.inspect(hover))

  -- 3. Code actions at the finding; apply the quick fix.
  local params = { textDocument = { uri = uri }, range = d.range, context = { diagnostics = { d } } }
  local resp = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, TIMEOUT)
  check(resp and resp[client_id], 'no answer to textDocument/codeAction')
  check(not resp[client_id].err, 'codeAction error: ' .. vim.inspect(resp[client_id].err))
  local fix = nil
  local titles = {}
  for _, a in ipairs(resp[client_id].result or {}) do
    table.insert(titles, a.title)
    if a.edit and a.title:find('service user', 1, true) then
      fix = fix or a
    end
  end
  check(fix, 'no quick fix offering "service user"; actions: ' .. vim.inspect(titles))
  check(fix.isPreferred == true, 'the quick fix is not marked preferred')
  log('code actions: ' .. table.concat(titles, ' | '))
  local before = #published
  vim.lsp.util.apply_workspace_edit(fix.edit, client.offset_encoding)

  local expected = '“Case” notes 😀\194\160The service user missed three appointments.'
  local now = vim.api.nvim_buf_get_lines(bufnr, 0, 1, true)[1]
  check(now == expected, 'after the fix line 0 is "' .. now .. '"')

  -- 4. The edit reached the server incrementally: new diagnostics for a newer version,
  -- without the finding.
  local fresh = vim.wait(TIMEOUT, function()
    local last = published[#published]
    return #published > before and last.version > first.version and not offender_term(last.diagnostics)
  end, 20)
  check(fresh, 'no fresh diagnostics without offender-term after the fix; last: ' .. vim.inspect(published[#published]))
  log('after the fix: version ' .. published[#published].version .. ', offender-term gone')

  vim.lsp.stop_client(client_id)
  vim.wait(5000, function()
    return exited ~= nil
  end, 20)
  check(exited == 0, 'server exit code after shutdown: ' .. tostring(exited))
end

local ok, err = xpcall(run, debug.traceback)
if ok then
  log('PASS')
  vim.cmd('qall!')
else
  io.stderr:write('nvim-e2e: ' .. tostring(err) .. '\n')
  vim.cmd('cquit 1')
end
