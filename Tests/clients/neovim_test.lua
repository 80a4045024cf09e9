-- The real `hoso lsp` under Neovim 0.7's built-in client (headless), through the shipped setup
-- (editors/neovim): open a dossier, check highlighting and diagnostics' codes and positions,
-- apply a quick fix, see it go away.
-- Run: HOSO_BIN=… HOSO_FILE=… nvim --headless -u NONE -c "luafile Tests/clients/neovim_test.lua"
local hoso = assert(os.getenv("HOSO_BIN"), "HOSO_BIN")
local file = assert(os.getenv("HOSO_FILE"), "HOSO_FILE")
local failures = {}

local function check(condition, message)
  if not condition then table.insert(failures, message) end
end

local function spots(bufnr)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    table.insert(out, string.format("%s@%d:%d", code, d.lnum, d.col))
  end
  table.sort(out)
  return table.concat(out, " ")
end

local repo = vim.fn.getcwd()
vim.opt.runtimepath:append(repo .. "/editors/neovim")
vim.cmd("filetype on")
vim.cmd("syntax on")
require("hoso").setup({ cmd = { hoso, "lsp" } })

vim.cmd("edit " .. vim.fn.fnameescape(file))
local bufnr = vim.api.nvim_get_current_buf()
check(vim.bo[bufnr].filetype == "hoso", "filetype is '" .. vim.bo[bufnr].filetype .. "', not hoso")
check(vim.bo[bufnr].syntax == "hoso", "syntax is '" .. vim.bo[bufnr].syntax .. "', not hoso")
local function syntax_at(line, col) return vim.fn.synIDattr(vim.fn.synID(line, col, 1), "name") end
check(syntax_at(3, 3) == "hosoPart", "line 3 col 3: " .. syntax_at(3, 3))
check(syntax_at(14, 1) == "hosoKey", "line 14 col 1: " .. syntax_at(14, 1))
vim.wait(5000, function() return #vim.lsp.buf_get_clients(bufnr) > 0 end, 20)
local client_id = (vim.lsp.buf_get_clients(bufnr)[1] or {}).id
check(client_id ~= nil, "the shipped setup did not start the client")

vim.wait(10000, function() return #vim.diagnostic.get(bufnr) > 0 end, 20)
-- Neovim reports byte columns: "Họ và tên: " is 15 bytes, "### Cá nhân: " 15 (the server speaks UTF-16).
local expected = "HS003@37:15 HS105@32:0 HS107@13:0 HS107@22:0 HS108@0:0 HS108@2:2 HS111@30:2 HS112@12:15 HS205@17:0"
check(spots(bufnr) == expected, "diagnostics: got [" .. spots(bufnr) .. "] expected [" .. expected .. "]")

-- Byte column → LSP position (UTF-16), as the client must convert it.
local function lsp_position(lnum, col)
  local line = vim.api.nvim_buf_get_lines(bufnr, lnum, lnum + 1, false)[1] or ""
  local _, utf16 = vim.str_utfindex(line, col)
  return { line = lnum, character = utf16 }
end

-- The quick fix for the look-alike Ð (HS003) on line 38.
local client = vim.lsp.get_client_by_id(client_id)
local target
for _, d in ipairs(vim.diagnostic.get(bufnr)) do
  if (d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)) == "HS003" then target = d end
end
check(target ~= nil, "no HS003 diagnostic")
if target then
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = { start = lsp_position(target.lnum, target.col), ["end"] = lsp_position(target.end_lnum, target.end_col) },
    context = { diagnostics = {} },
  }
  local responses = vim.lsp.buf_request_sync(bufnr, "textDocument/codeAction", params, 5000)
  local applied = false
  for _, response in pairs(responses or {}) do
    for _, action in ipairs(response.result or {}) do
      if not applied and action.kind == "quickfix" and action.title == "Thay bằng Đ" then
        vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding or "utf-16")
        applied = true
      end
    end
  end
  check(applied, "no quick fix titled 'Thay bằng Đ'")
  vim.wait(10000, function() return not spots(bufnr):find("HS003") end, 20)
  check(not spots(bufnr):find("HS003"), "HS003 still reported after the fix: " .. spots(bufnr))
  check(vim.api.nvim_buf_get_lines(bufnr, 37, 38, false)[1]:find("^Họ và tên: Đinh") ~= nil, "the line was not fixed")
end

if #failures > 0 then
  io.stderr:write("neovim test FAILED:\n  " .. table.concat(failures, "\n  ") .. "\n")
  vim.cmd("cquit 1")
else
  io.stdout:write("neovim test passed\n")
  vim.cmd("qall!")
end
