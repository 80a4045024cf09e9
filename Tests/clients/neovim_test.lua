-- The real `hoso lsp` under Neovim 0.7's built-in client (headless), through the shipped setup
-- (editors/neovim): open a dossier, check highlighting and diagnostics' codes and positions,
-- apply a quick fix, see it go away; export the unsaved buffer with :HosoExport; complete with
-- <C-x><C-o> and measure keystroke-to-diagnostics time.
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
vim.opt.showmode = false -- no "-- INSERT --" among the test's output
vim.opt.shortmess:append("c")
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

  -- :HosoExport exports the buffer's text (the fix above is not saved) beside the file.
  local exported = file:gsub("%.hoso$", "") .. ".html"
  os.remove(exported)
  vim.cmd("HosoExport html")
  vim.wait(10000, function() return vim.fn.filereadable(exported) == 1 end, 20)
  local page = vim.fn.filereadable(exported) == 1 and table.concat(vim.fn.readfile(exported), "\n") or ""
  check(page:find("Họ và tên: Đinh Văn Hải", 1, true) ~= nil, ":HosoExport html did not write the buffer's text to " .. exported)
  os.remove(exported)
end

-- Completion as a user gets it: type in insert mode, <C-x><C-o> (the shipped setup's omnifunc,
-- vim.lsp.omnifunc), and accept the first item with <C-y>. The server's textEdit must decide the
-- start of what is replaced: the whole value, not the word before the cursor.
check(vim.bo[bufnr].omnifunc == "v:lua.vim.lsp.omnifunc", "omnifunc is '" .. vim.bo[bufnr].omnifunc .. "'")
local completions = {
  { line = 18, typed = "Năm 2021: Hoàn thành xu", expected = "Năm 2021: Hoàn thành xuất sắc nhiệm vụ" },
  { line = 22, typed = "# BIÊN B", expected = "# BIÊN BẢN HỌP XÉT" },
  { line = 14, typed = "Hình thức: Bằng kh", expected = "Hình thức: Bằng khen của Chủ tịch UBND tỉnh" },
  -- Three ratings start so: the first by sortText is the best one.
  { line = 18, typed = "Năm 2021: Hoàn thành ", expected = "Năm 2021: Hoàn thành xuất sắc nhiệm vụ" },
}

local function keys(text) vim.api.nvim_feedkeys(vim.api.nvim_replace_termcodes(text, true, false, true), "n", false) end

-- Keystroke to diagnostics: from nvim_buf_set_text to the changed diagnostics in the buffer, with
-- the client's own didChange debounce (150 ms in 0.7, skipped when the last change is older);
-- "Địa điểm" ↔ "Dia diem" on line 26 adds and removes HS108. Also from the didChange's sending.
local function measure_latency()
  local total, server = {}, {}
  local sent
  local notify = client.notify
  client.notify = function(method, params)
    if method == "textDocument/didChange" and not sent then sent = vim.loop.hrtime() end
    return notify(method, params)
  end
  local spelled = { "Dia diem", "Địa điểm" }
  for i = 1, 20 do
    local before = spots(bufnr)
    local old = vim.api.nvim_buf_get_lines(bufnr, 25, 26, false)[1]
    local key_end = old:find(":", 1, true) - 1
    sent = nil
    local start = vim.loop.hrtime()
    vim.api.nvim_buf_set_text(bufnr, 25, 0, 25, key_end, { spelled[(i - 1) % 2 + 1] })
    local changed = vim.wait(5000, function() return spots(bufnr) ~= before end, 1)
    local now = vim.loop.hrtime()
    check(changed, "diagnostics did not change after edit " .. i)
    table.insert(total, (now - start) / 1e6)
    if sent then table.insert(server, (now - sent) / 1e6) end
    vim.wait(200) -- a pause between keystrokes
  end
  client.notify = notify
  local function median(list)
    table.sort(list)
    return list[math.ceil(#list / 2)] or -1
  end
  io.stdout:write(string.format("neovim keystroke→diagnostics: median %.1f ms (min %.1f, max %.1f); didChange sent→diagnostics: median %.1f ms (%d edits)\n",
    median(total), total[1], total[#total], median(server), #total))
  check(median(total) < 1000, "diagnostics took over a second to follow an edit")
end

local function finish()
  if #failures > 0 then
    io.stderr:write("neovim test FAILED:\n  " .. table.concat(failures, "\n  ") .. "\n")
    vim.cmd("cquit 1")
  else
    io.stdout:write("neovim test passed\n")
    vim.cmd("qall!")
  end
end

-- Each case runs from timers: the keys are typed only once this script has returned to the main loop.
local case = 0
local function next_completion()
  case = case + 1
  local c = completions[case]
  if not c then
    measure_latency()
    return finish()
  end
  local original = vim.api.nvim_buf_get_lines(bufnr, c.line, c.line + 1, false)
  vim.api.nvim_buf_set_lines(bufnr, c.line, c.line + 1, false, { "" })
  vim.api.nvim_win_set_cursor(0, { c.line + 1, 0 })
  keys("A" .. c.typed .. "<C-x><C-o>")
  local deadline = vim.loop.now() + 5000
  local function poll()
    local items = vim.fn.mode() == "i" and vim.fn.complete_info({ "items" }).items or {}
    if #items > 0 or vim.loop.now() > deadline then
      check(#items > 0, "no completion offered after '" .. c.typed .. "'")
      keys("<C-y><Esc>")
      vim.defer_fn(function()
        local line = vim.api.nvim_buf_get_lines(bufnr, c.line, c.line + 1, false)[1]
        check(line == c.expected, "completing '" .. c.typed .. "' gave '" .. line .. "', expected '" .. c.expected .. "'")
        vim.api.nvim_buf_set_lines(bufnr, c.line, c.line + 1, false, original)
        next_completion()
      end, 50)
    else
      vim.defer_fn(poll, 10)
    end
  end
  vim.defer_fn(poll, 10)
end
vim.defer_fn(next_completion, 0)
