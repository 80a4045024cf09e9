-- The README's Neovim snippet, taken from README.md as a user would paste it into init.lua,
-- under headless Neovim 0.7: opening a dossier must give it the hoso file type and diagnostics.
-- (The first version of the snippet started a client but never attached it: no diagnostics.)
-- Run: HOSO_BIN=… HOSO_FILE=… nvim --headless -u NONE -c "luafile Tests/clients/neovim_readme_test.lua"
local hoso = assert(os.getenv("HOSO_BIN"), "HOSO_BIN")
local file = assert(os.getenv("HOSO_FILE"), "HOSO_FILE")
-- The snippet runs `hoso` from PATH, as a user's would.
vim.env.PATH = vim.fn.fnamemodify(hoso, ":h") .. ":" .. vim.env.PATH

local readme = table.concat(vim.fn.readfile("README.md"), "\n")
local snippet = readme:match("Neovim 0%.7%+.-```lua\n(.-)```")
assert(snippet, "README.md has no Neovim snippet after 'Neovim 0.7+'")
assert(loadstring(snippet))()

vim.cmd("edit " .. vim.fn.fnameescape(file))
local bufnr = vim.api.nvim_get_current_buf()
local failures = {}
if vim.bo[bufnr].filetype ~= "hoso" then table.insert(failures, "filetype is '" .. vim.bo[bufnr].filetype .. "'") end
vim.wait(10000, function() return #vim.diagnostic.get(bufnr) > 0 end, 20)
local count = #vim.diagnostic.get(bufnr)
if count == 0 then table.insert(failures, "no diagnostics: the snippet's client is not attached") end

for _, client in ipairs(vim.lsp.get_active_clients()) do client.stop() end
if #failures > 0 then
  io.stderr:write("neovim README snippet test FAILED:\n  " .. table.concat(failures, "\n  ") .. "\n")
  vim.cmd("cquit 1")
end
io.stdout:write("neovim README snippet test passed (" .. count .. " diagnostics)\n")
vim.cmd("qall!")
