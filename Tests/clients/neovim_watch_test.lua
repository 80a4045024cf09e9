-- Neovim 0.7 offers no dynamic file watching, so `hoso lsp` watches files itself: through the
-- shipped setup (editors/neovim), open a dossier with an HS205 finding, write a hoso.json that
-- turns HS205 off beside it from Lua (no editor action on the buffer), and the diagnostic must go
-- within 2 s.
-- Run: HOSO_BIN=… HOSO_WATCH_FILE=… nvim --headless -u NONE -c "luafile Tests/clients/neovim_watch_test.lua"
local hoso = assert(os.getenv("HOSO_BIN"), "HOSO_BIN")
local file = assert(os.getenv("HOSO_WATCH_FILE"), "HOSO_WATCH_FILE")
local failures = {}

local function check(condition, message)
  if not condition then table.insert(failures, message) end
end

local function codes(bufnr)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    out[d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)] = true
  end
  return out
end

-- The server says in the log which way it watches.
local logs = {}
vim.lsp.handlers["window/logMessage"] = function(_, result)
  table.insert(logs, result.message)
end

local repo = vim.fn.getcwd()
vim.opt.runtimepath:append(repo .. "/editors/neovim")
vim.cmd("filetype on")
require("hoso").setup({ cmd = { hoso, "lsp" } })

vim.cmd("edit " .. vim.fn.fnameescape(file))
local bufnr = vim.api.nvim_get_current_buf()
vim.wait(10000, function() return codes(bufnr)["HS205"] ~= nil end, 20)
check(codes(bufnr)["HS205"], "no HS205 diagnostic to begin with")
check(codes(bufnr)["HS003"], "no HS003 diagnostic to begin with")

local config = vim.fn.fnamemodify(file, ":p:h") .. "/hoso.json"
local start = vim.loop.hrtime()
vim.fn.writefile({ '{"rules": {"HS205": "off"}}' }, config)
local gone = vim.wait(2500, function() return codes(bufnr)["HS205"] == nil end, 10)
local elapsed = (vim.loop.hrtime() - start) / 1e6
check(gone, "HS205 still shown 2.5 s after hoso.json turned it off")
check(elapsed <= 2000, string.format("the config change took %.0f ms to show (over 2 s)", elapsed))
check(codes(bufnr)["HS003"], "HS003 went too; only HS205 was turned off")
local watching = false
for _, message in ipairs(logs) do
  if message:find("watching files itself (the client cannot)", 1, true) then watching = true end
end
check(watching, "the server did not log that it watches files itself: " .. table.concat(logs, " | "))
check(vim.bo[bufnr].modified == false, "the buffer was modified")

if #failures > 0 then
  io.stderr:write("neovim watch test FAILED:\n  " .. table.concat(failures, "\n  ") .. "\n")
  vim.cmd("cquit 1")
else
  io.stdout:write(string.format("neovim watch test passed: the config change showed after %.0f ms\n", elapsed))
  vim.cmd("qall!")
end
