" Vim + ALE (vim-ale) with `hoso lsp`, set up by the snippet of editors/vim/README.md: ALE reads LSP
" positions as byte columns and cannot negotiate an encoding, so the linter passes
" {'hoso': {'positionEncoding': 'utf-8'}}. A finding right after Vietnamese letters must land
" on Vim's byte column: the look-alike Ð of line 38 ("Họ và tên: Ðinh …"), after 11
" characters that are 15 bytes, is column 16.
" Run: HOSO_BIN=… HOSO_FILE=… HOSO_VIM_RESULT=out.txt vim -Nu NONE -i NONE -es -S Tests/clients/vim_ale_test.vim
set nocompatible
set encoding=utf-8
execute 'set runtimepath^=' . fnameescape(getcwd() . '/editors/vim')
filetype on
let g:ale_lint_on_text_changed = 'never'
let g:ale_lint_on_insert_leave = 0
packadd ale
" The README's snippet, as a user pastes it, with the hoso under test for 'hoso'.
let s:readme = readfile('editors/vim/README.md')
let s:first = index(s:readme, '```vim')
let s:snippet = s:readme[s:first + 1 : index(s:readme, '```', s:first) - 1]
call map(s:snippet, {_, line -> substitute(line, "'executable': 'hoso'", "'executable': $HOSO_BIN", '')})
let s:script = tempname() . '.vim'
call writefile(s:snippet, s:script)
execute 'source ' . fnameescape(s:script)

let s:failures = []
execute 'edit ' . fnameescape($HOSO_FILE)
if &filetype !=# 'hoso'
  call add(s:failures, 'filetype is "' . &filetype . '", not hoso')
endif
ALELint
let s:start = reltime()
while empty(ale#engine#GetLoclist(bufnr(''))) && reltimefloat(reltime(s:start)) < 20
  sleep 50m
endwhile
let s:loclist = ale#engine#GetLoclist(bufnr(''))
let s:spots = map(copy(s:loclist), 'get(v:val, "code", "?") . "@" . v:val.lnum . ":" . v:val.col')
let s:expected = ['HS108@1:1', 'HS108@3:3', 'HS112@13:16', 'HS107@14:1', 'HS205@18:1', 'HS107@23:1', 'HS111@31:3', 'HS105@33:1', 'HS003@38:16']
if sort(copy(s:spots)) != sort(copy(s:expected))
  call add(s:failures, 'loclist: ' . join(s:spots) . ', expected ' . join(s:expected))
endif
" The column is where the Ð is in Vim: its bytes start there.
let s:hs003 = filter(copy(s:loclist), 'get(v:val, "code", "") ==# "HS003"')
if !empty(s:hs003) && strpart(getline(s:hs003[0].lnum), s:hs003[0].col - 1, 2) !=# 'Ð'
  call add(s:failures, 'HS003 column ' . s:hs003[0].col . ' is not at the Ð of "' . getline(s:hs003[0].lnum) . '"')
endif

" The README's second snippet: HosoExport() sends hoso.export through ALE; the DOCX appears
" beside the dossier.
let s:second = index(s:readme, '```vim', index(s:readme, '```', s:first + 1) + 1)
let s:export = s:readme[s:second + 1 : index(s:readme, '```', s:second + 1) - 1]
let s:export_script = tempname() . '.vim'
call writefile(s:export, s:export_script)
execute 'source ' . fnameescape(s:export_script)
let s:docx = fnamemodify($HOSO_FILE, ':r') . '.docx'
call delete(s:docx)
call HosoExport()
let s:start = reltime()
while !filereadable(s:docx) && reltimefloat(reltime(s:start)) < 20
  sleep 50m
endwhile
if !filereadable(s:docx) || readblob(s:docx)[0:1] != 0z504B
  call add(s:failures, 'HosoExport() wrote no DOCX at ' . s:docx)
endif
call delete(s:docx)

if empty(s:failures)
  call writefile(['vim + ALE test passed: ' . join(s:spots) . '; HosoExport() wrote the DOCX'], $HOSO_VIM_RESULT)
  qall!
else
  call writefile(['vim + ALE test FAILED:'] + map(s:failures, '"  " . v:val'), $HOSO_VIM_RESULT)
  cquit 1
endif
