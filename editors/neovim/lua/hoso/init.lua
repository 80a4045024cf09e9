-- Neovim setup for .hoso dossiers: file type, syntax (the Vim syntax file next door) and the
-- `hoso lsp` language server, with Neovim's built-in LSP client (0.7 or later).
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
