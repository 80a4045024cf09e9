-- Typing in Neovim re-checks incrementally: through the shipped setup (editors/neovim), open a
-- dossier, type a citation into a report letter by letter (one didChange per letter, as Neovim
-- sends them), break the line, delete a heading's `#` and put it back, paste three lines; then
-- the diagnostics Neovim shows must be exactly those `hoso lint` gives for the buffer's text
-- saved in a folder of its own (code, line, column, end).
-- Run: HOSO_BIN=… HOSO_TYPING_FILE=… HOSO_TYPING_COPY=… nvim --headless -u NONE -c "luafile Tests/clients/neovim_typing_test.lua"
local hoso = assert(os.getenv("HOSO_BIN"), "HOSO_BIN")
local file = assert(os.getenv("HOSO_TYPING_FILE"), "HOSO_TYPING_FILE")
local copy = assert(os.getenv("HOSO_TYPING_COPY"), "HOSO_TYPING_COPY")
local failures = {}

local function check(condition, message)
  if not condition then table.insert(failures, message) end
end

local repo = vim.fn.getcwd()
vim.opt.runtimepath:append(repo .. "/editors/neovim")
vim.cmd("filetype on")
require("hoso").setup({ cmd = { hoso, "lsp" } })

vim.cmd("edit " .. vim.fn.fnameescape(file))
local bufnr = vim.api.nvim_get_current_buf()
vim.wait(10000, function() return #vim.diagnostic.get(bufnr) > 0 end, 20)
check(#vim.diagnostic.get(bufnr) > 0, "no diagnostics to begin with")

-- The line after the achievements heading of the report.
local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
local row
for i, line in ipairs(lines) do
  if line:find("^## II%.") then row = i; break end
end
assert(row, "no ## II. heading")
vim.api.nvim_buf_set_lines(bufnr, row, row, false, { "" })
local typed = "Thực hiện Kế hoạch số 179/KH–UBND ngày 31/02/2019 của UBND tỉnh;"
local col = 0
for _, ch in ipairs(vim.fn.split(typed, "\\zs")) do
  vim.api.nvim_buf_set_text(bufnr, row, col, row, col, { ch })
  col = col + #ch
end
vim.api.nvim_buf_set_text(bufnr, row, col, row, col, { "", "" })            -- Enter
vim.api.nvim_buf_set_text(bufnr, row + 1, 0, row + 1, 0, { "- Năm 2021: HTXSNV" })
local heading
for i, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
  if line:find("^# BIÊN BẢN") then heading = i - 1; break end
end
vim.api.nvim_buf_set_text(bufnr, heading, 0, heading, 1, { "" })            -- delete a `#`
vim.api.nvim_buf_set_text(bufnr, heading, 0, heading, 0, { "#" })           -- and put it back
vim.api.nvim_buf_set_lines(bufnr, 3, 3, false, { "Ghi chú: hồ sơ nộp ngày 32/5/2022", "", "Ðơn vị nhận: Văn phòng" })

-- What hoso lint says of the same text, saved elsewhere.
vim.fn.writefile(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), copy)
local output = vim.fn.system({ hoso, "lint", "--format", "json", copy })
local report = vim.fn.json_decode(output)
-- Neovim keeps byte columns; the report's ranges count UTF-16 units, as LSP does.
local text = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
local function bytecol(line, utf16)
  local s = text[line + 1] or ""
  local units = select(2, vim.str_utfindex(s))
  return vim.str_byteindex(s, math.min(utf16, units), true)
end
local expected = {}
for _, d in ipairs(report.files[1].diagnostics) do
  local r = d.range
  table.insert(expected, string.format("%s %d:%d-%d:%d", d.code, r.start.line, bytecol(r.start.line, r.start.character),
    r["end"].line, bytecol(r["end"].line, r["end"].character)))
end
table.sort(expected)

local function shown()
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    table.insert(out, string.format("%s %d:%d-%d:%d", code, d.lnum, d.col, d.end_lnum, d.end_col))
  end
  table.sort(out)
  return out
end
local same = vim.wait(5000, function() return vim.deep_equal(shown(), expected) end, 20)
check(same, "Neovim shows\n    " .. table.concat(shown(), "\n    ") .. "\n  hoso lint says\n    " .. table.concat(expected, "\n    "))
local codes = table.concat(expected, " ")
check(codes:find("HS308", 1, true) and codes:find("HS401", 1, true) and codes:find("HS003", 1, true),
  "the typed mistakes (a Word dash, 31/02, a fake Đ) are not all found: " .. codes)

if #failures > 0 then
  io.stderr:write("neovim typing test FAILED:\n  " .. table.concat(failures, "\n  ") .. "\n")
  vim.cmd("cquit 1")
else
  io.stdout:write(string.format("neovim typing test passed: %d diagnostics after %d edits, as hoso lint gives them\n",
    #expected, vim.fn.strchars(typed) + 5))
  vim.cmd("qall!")
end
