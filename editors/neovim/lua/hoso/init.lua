-- Neovim setup for .hoso dossiers: file type, syntax (the Vim syntax file next door) and the
-- `hoso lsp` language server, with Neovim's built-in LSP client (0.7 or later); the command
-- :HosoExport [docx|html] writes the dossier, as it is in the buffer, as papers to print.
--
--   require("hoso").setup({ cmd = { "hoso", "lsp" }, settings = { language = "vi" } })
local M = {}

local clients = {} -- root folder → client id

-- editors/neovim/lua/hoso/init.lua → editors/
local function editors_folder()
  local source = debug.getinfo(1, "S").source:sub(2)
  return vim.fn.fnamemodify(source, ":p:h:h:h:h")
end

-- The nearest folder above `path` holding hoso.json or .git, else the file's own folder.
local function root_of(path)
  local folder = vim.fn.fnamemodify(path, ":p:h")
  local dir = folder
  while true do
    if vim.fn.filereadable(dir .. "/hoso.json") == 1 or vim.fn.isdirectory(dir .. "/.git") == 1 then
      return dir
    end
    local parent = vim.fn.fnamemodify(dir, ":h")
    if parent == dir then
      return folder
    end
    dir = parent
  end
end

local function attach(bufnr, opts)
  local root = root_of(vim.api.nvim_buf_get_name(bufnr))
  local id = clients[root]
  if not id or not vim.lsp.get_client_by_id(id) then
    id = vim.lsp.start_client({
      name = "hoso",
      cmd = opts.cmd,
      root_dir = root,
      init_options = { hoso = opts.settings },
      settings = { hoso = opts.settings },
    })
    clients[root] = id
  end
  if id then
    vim.lsp.buf_attach_client(bufnr, id)
  end
end

-- Asks the buffer's hoso server to export it (`hoso.export`): the papers to print and sign,
-- beside the file (a.hoso → a.docx or a.html), from the buffer's text, saved or not. The server
-- says what it wrote (window/showMessage); an error is shown here too.
function M.export(format)
  local bufnr = vim.api.nvim_get_current_buf()
  local client
  for _, c in pairs(vim.lsp.buf_get_clients(bufnr)) do
    if c.name == "hoso" then client = c end
  end
  if not client then
    vim.notify("hoso: this buffer has no hoso language server", vim.log.levels.ERROR)
    return
  end
  local arguments = { { uri = vim.uri_from_bufnr(bufnr), format = (format and format ~= "") and format or "docx" } }
  client.request("workspace/executeCommand", { command = "hoso.export", arguments = arguments }, function(err)
    if err then vim.notify("hoso: " .. (err.message or vim.inspect(err)), vim.log.levels.ERROR) end
  end, bufnr)
end

function M.setup(opts)
  opts = vim.tbl_deep_extend("force", { cmd = { "hoso", "lsp" }, settings = vim.empty_dict() }, opts or {})
  -- The Vim syntax file and file type detection ship in editors/vim.
  vim.opt.runtimepath:append(editors_folder() .. "/vim")
  vim.cmd([[
    augroup hoso_filetype
      autocmd!
      autocmd BufRead,BufNewFile *.hoso,*.HOSO,*.Hoso,*.hoso.txt,*.HOSO.TXT,*.HOSO.txt setfiletype hoso
    augroup END
  ]])
  vim.api.nvim_create_user_command("HosoExport", function(args) M.export(args.args) end, {
    nargs = "?",
    complete = function() return { "docx", "html" } end,
    desc = "hoso: export the dossier as papers to print (docx or html), beside its file",
  })
  local group = vim.api.nvim_create_augroup("hoso_lsp", { clear = true })
  vim.api.nvim_create_autocmd("FileType", {
    group = group,
    pattern = "hoso",
    callback = function(args)
      vim.bo[args.buf].commentstring = "<!-- %s -->"
      -- <C-x><C-o> completes part titles, keys, ratings, award forms, citations and rule codes.
      vim.bo[args.buf].omnifunc = "v:lua.vim.lsp.omnifunc"
      attach(args.buf, opts)
    end,
  })
end

return M
