" The shipped Vim syntax (editors/vim) highlights the key tokens of a dossier.
" Run: HOSO_FILE=… HOSO_VIM_RESULT=out.txt vim -Nu NONE -i NONE -es -S Tests/clients/vim_test.vim
" The result goes to $HOSO_VIM_RESULT (writing /dev/stdout from Vim would clobber a log file).
set nocompatible
set encoding=utf-8
execute 'set runtimepath^=' . fnameescape(getcwd() . '/editors/vim')
filetype on
syntax on
execute 'edit ' . fnameescape($HOSO_FILE)
let s:failures = []
if &filetype !=# 'hoso'
  call add(s:failures, 'filetype is "' . &filetype . '", not hoso')
endif

" The syntax group at the first match of a pattern (searched from `from_line`), at its first byte.
function! s:Expect(pattern, group, ...) abort
  call cursor(a:0 ? a:1 : 1, 1)
  let [l:line, l:col] = searchpos(a:pattern, 'cW')
  if l:line == 0
    call add(s:failures, 'not found: ' . a:pattern)
    return
  endif
  let l:name = synIDattr(synID(l:line, l:col, 1), 'name')
  if l:name !=# a:group
    call add(s:failures, printf('%s at %d:%d is %s, expected %s', a:pattern, l:line, l:col, l:name, a:group))
  endif
endfunction

call s:Expect('TỜ TRINH', 'hosoPart')
call s:Expect('II\. THÀNH', 'hosoSectionNumber')
call s:Expect('Cá nhân', 'hosoNomineeKind')
call s:Expect('Đinh Văn Hải', 'hosoNominee')
call s:Expect('Chức vụ', 'hosoKey')
call s:Expect('Hoàn thành xuất sắc nhiệm vụ', 'hosoRating')
call s:Expect('Kế hoạch số', 'hosoDocType')
call s:Expect('179/KH-UBND', 'hosoDocNumber')
call s:Expect('02/8/2019', 'hosoDate')
call s:Expect('ngày 19 tháng', 'hosoPlaceDate')
call s:Expect('5/5 đồng', 'hosoVote')

" Comments and suppression directives, in a scratch buffer.
enew
setfiletype hoso
call setline(1, ['<!-- hoso-disable-next-line HS208 -->', 'Chức vụ: Trưởng phòng'])
call s:Expect('<!--', 'hosoComment')
call s:Expect('hoso-disable', 'hosoDirective')
call s:Expect('HS208', 'hosoRuleCode')
call s:Expect('Chức vụ', 'hosoKey', 2)

if empty(s:failures)
  call writefile(['vim syntax test passed'], $HOSO_VIM_RESULT)
  qall!
else
  call writefile(['vim syntax test FAILED:'] + map(s:failures, '"  " . v:val'), $HOSO_VIM_RESULT)
  cquit 1
endif
