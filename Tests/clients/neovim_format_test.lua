-- `hoso format` in the editor: the real `hoso lsp` under Neovim 0.7's built-in client (headless),
-- through the shipped setup (editors/neovim). Messy dossiers (LF, CRLF, no final line end) are
-- formatted with vim.lsp.buf.formatting_sync(); the buffer must then hold exactly what
-- `hoso format -` prints, the file saved must be that text byte for byte, the suppression
-- comment must still govern its heading, and formatting again must change nothing.
-- Run: HOSO_BIN=… HOSO_WORK=folder nvim --headless -u NONE -c "luafile Tests/clients/neovim_format_test.lua"
local hoso = assert(os.getenv("HOSO_BIN"), "HOSO_BIN")
local work = assert(os.getenv("HOSO_WORK"), "HOSO_WORK")
local failures = {}

local function check(condition, message)
  if not condition then table.insert(failures, message) end
end

local function codes(bufnr)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(out, d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code))
  end
  table.sort(out)
  return table.concat(out, " ")
end

local function read(path)
  local f = assert(io.open(path, "rb"))
  local data = f:read("*a")
  f:close()
  return data
end

local function write(path, data)
  local f = assert(io.open(path, "wb"))
  f:write(data)
  f:close()
end

local repo = vim.fn.getcwd()
vim.opt.runtimepath:append(repo .. "/editors/neovim")
vim.cmd("filetype on")
require("hoso").setup({ cmd = { hoso, "lsp" } })

local messy = table.concat({
  "",
  "Đơn vị: Phòng Kinh tế   ",
  "",
  "",
  "# TỜ TRÌNH\t",
  "Số: 12/TTr-KT  ",
  "Sơn La, ngày 18 tháng 5 năm 2022",
  "## DANH SÁCH ĐỀ NGHỊ",
  " ",
  "",
  "### Cá nhân: Lò Văn Minh ",
  "Chức vụ: Chuyên viên",
  "<!-- hoso-disable-next-line HS102 -->",
  "# PHẦN LẠ",
  "  ",
  "",
}, "\n")
local tidy = {
  "Đơn vị: Phòng Kinh tế",
  "",
  "# TỜ TRÌNH",
  "Số: 12/TTr-KT",
  "Sơn La, ngày 18 tháng 5 năm 2022",
  "",
  "## DANH SÁCH ĐỀ NGHỊ",
  "",
  "### Cá nhân: Lò Văn Minh",
  "Chức vụ: Chuyên viên",
  "",
  "<!-- hoso-disable-next-line HS102 -->",
  "# PHẦN LẠ",
}

-- One dossier: written with `ending` between lines (and at the end unless `noeol`), opened,
-- formatted twice, saved.
local function case(name, ending, noeol)
  local path = work .. "/" .. name .. ".hoso"
  local source = messy:gsub("\n", ending)
  if noeol then source = source:gsub("[ \r\n]+$", "") end
  write(path, source)
  local expected = table.concat(tidy, ending) .. ending
  local printed = vim.fn.system({ hoso, "format", "-" }, source)
  check(printed == expected, name .. ": `hoso format -` printed " .. vim.inspect(printed))

  vim.cmd("edit " .. vim.fn.fnameescape(path))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.wait(5000, function() return #vim.lsp.buf_get_clients(bufnr) > 0 end, 20)
  check(#vim.lsp.buf_get_clients(bufnr) > 0, name .. ": the shipped setup did not start the client")
  vim.wait(10000, function() return #vim.diagnostic.get(bufnr) > 0 end, 20)

  vim.lsp.buf.formatting_sync(nil, 5000)
  local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  check(vim.deep_equal(lines, tidy), name .. ": buffer after formatting: " .. vim.inspect(lines))
  check(vim.bo[bufnr].fileformat == (ending == "\r\n" and "dos" or "unix"), name .. ": fileformat " .. vim.bo[bufnr].fileformat)

  -- Formatting again changes nothing: no edit, not even an empty one.
  local tick = vim.api.nvim_buf_get_changedtick(bufnr)
  vim.lsp.buf.formatting_sync(nil, 5000)
  check(vim.api.nvim_buf_get_changedtick(bufnr) == tick, name .. ": the second formatting changed the buffer")

  -- The suppression comment still governs its heading: no HS102, no unused-suppression HS011.
  vim.wait(1000, function() return false end, 50)
  local shown = codes(bufnr)
  check(not shown:find("HS102") and not shown:find("HS011"), name .. ": diagnostics after formatting: " .. shown)

  vim.cmd("silent write")
  local saved = read(path)
  check(saved == expected, name .. ": saved " .. vim.inspect(saved))
  vim.cmd("bwipeout")
end

case("lf", "\n", false)
case("crlf", "\r\n", false)
case("khong-xuong-dong-cuoi", "\n", true)

if #failures > 0 then
  io.stderr:write("neovim format test FAILED:\n  " .. table.concat(failures, "\n  ") .. "\n")
  vim.cmd("cquit 1")
else
  io.stdout:write("neovim format test passed\n")
  vim.cmd("qall!")
end
