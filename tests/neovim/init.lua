-- Headless Neovim as an LSP client of the eqplan language server.
-- Run: nvim --headless -u NONE -c "luafile tests/neovim/init.lua"
-- Reads EQPLAN_SERVER (path of dist/server.js), EQPLAN_PLAN (a plan file),
-- EQPLAN_AS_OF (the eqplan.asOf setting) and writes what it saw as JSON to
-- EQPLAN_OUT, then quits.
local server = assert(os.getenv('EQPLAN_SERVER'), 'set EQPLAN_SERVER')
local plan = assert(os.getenv('EQPLAN_PLAN'), 'set EQPLAN_PLAN')
local out = assert(os.getenv('EQPLAN_OUT'), 'set EQPLAN_OUT')
local as_of = os.getenv('EQPLAN_AS_OF')

local function finish(result)
  local f = assert(io.open(out, 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd('qall!')
end

local ok, err = pcall(function()
  local client_id = vim.lsp.start_client({
    name = 'eqplan',
    cmd = { 'node', server, '--stdio' },
    root_dir = vim.fn.fnamemodify(plan, ':p:h'),
    settings = { eqplan = { asOf = as_of } },
    -- Neovim 0.7 does not announce `workspace/configuration`, so send the
    -- settings once the server is up (as nvim-lspconfig does).
    on_init = function(client)
      client.notify('workspace/didChangeConfiguration', { settings = client.config.settings })
    end,
  })
  assert(client_id, 'the language server did not start')
  vim.cmd('edit ' .. vim.fn.fnameescape(plan))
  vim.bo.filetype = 'yaml'
  vim.lsp.buf_attach_client(0, client_id)

  local got = vim.wait(30000, function()
    return #vim.diagnostic.get(0) > 0
  end, 50)

  local diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(0)) do
    local code = d.code
    if code == nil and d.user_data and d.user_data.lsp then
      code = d.user_data.lsp.code
    end
    table.insert(diagnostics, {
      line = d.lnum,
      col = d.col,
      end_line = d.end_lnum,
      end_col = d.end_col,
      severity = d.severity,
      message = d.message,
      source = d.source,
      code = code,
    })
  end
  local client = vim.lsp.get_client_by_id(client_id)
  client.stop()
  finish({ waited = got, diagnostics = diagnostics })
end)

if not ok then
  finish({ error = tostring(err), diagnostics = {} })
end
