" Vim syntax file for .hoso commendation dossiers (hồ sơ đề nghị khen thưởng).
" The same tokens as Grammar/hoso.tmLanguage.json: parts, sections, nominee headings, field keys,
" rating phrases, citations, dates, votes, comments and suppression directives.
if exists('b:current_syntax')
  finish
endif
scriptencoding utf-8
syntax case ignore

syntax match hosoPartMarker   /^ \{0,3}#\ze[ \t]/ contained
syntax match hosoPart         /^ \{0,3}#[ \t]\+[^:]*/ contains=hosoPartMarker
syntax match hosoNominee      /:\zs.*$/ contained
syntax match hosoPartLine     /^ \{0,3}#[ \t].*$/ contains=hosoPart,hosoNominee
syntax match hosoSectionNumber /\v^ {0,3}##[ \t]+\zs([IVXLC]+|\d+)[.)]/ contained
syntax match hosoSection      /^ \{0,3}##[ \t].*$/ contains=hosoSectionNumber
syntax match hosoNomineeKind  /\v^ {0,3}###[ \t]+\zs(cá nhân|tập thể|ca nhan|tap the)\ze[ \t]*:/ contained
syntax match hosoNomineeLine  /^ \{0,3}###[ \t].*$/ contains=hosoNomineeKind,hosoNominee

syntax match hosoKey /\v^[ \t]*\*{0,2}\zs(đơn vị|phong trào|số|kính gửi|về việc|v\/v|chức vụ|hình thức|năm \d{4}|sáng kiến|khen thưởng năm \d{4}|thời gian|địa điểm|thành phần|chủ trì|thư ký|kết thúc)\ze\*{0,2}[ \t]*:/

syntax match hosoRating /\v(hoàn thành xuất sắc nhiệm vụ|hoàn thành tốt nhiệm vụ|không hoàn thành nhiệm vụ|hoàn thành nhiệm vụ)/
syntax case match
syntax match hosoRating /\v<(HTXSNV|HTXS|HTTNV|HTNV|KHTNV)>/
syntax match hosoDocType /\v<(Luật|Nghị định|Nghị quyết|Quyết định|Thông tư|Chỉ thị|Kế hoạch|Hướng dẫn|Công văn|Tờ trình|Thông báo|Báo cáo|KH|HD|NĐ|QĐ|TT|NQ|CT|TTr|BC)>\ze( số)? \d*\/?\d/
syntax match hosoDocNumber /\v<\d*(\/\d{4})?\/[A-ZĐa-zđ0-9-]+>/
syntax match hosoDate /\v<\d{1,2}([\/.-])\d{1,2}\1\d{4}>/
syntax case ignore
syntax match hosoPlaceDate /\v,\s*\zsngày\s+\S*\s*tháng\s+\S*\s*năm\s+\S*\ze\s*$/
syntax match hosoVote /\v\d+\/\d+\ze\s+đồng ý/
syntax match hosoListMarker /\v^\s*([-*+]|\d{1,3}[.)]|[a-zđ]\))\ze\s/

syntax match hosoDirective /\vhoso-(disable-next-line|disable|enable)/ contained
syntax match hosoRuleCode /\v<HS\d{3}>/ contained
syntax region hosoComment start=/<!--/ end=/-->/ contains=hosoDirective,hosoRuleCode keepend

highlight default link hosoPartMarker    Delimiter
highlight default link hosoPart          Title
highlight default link hosoPartLine      Title
highlight default link hosoSection       Title
highlight default link hosoSectionNumber Number
highlight default link hosoNomineeLine   Title
highlight default link hosoNomineeKind   Keyword
highlight default link hosoNominee       Identifier
highlight default link hosoKey           Label
highlight default link hosoRating        Constant
highlight default link hosoDocType       Type
highlight default link hosoDocNumber     Special
highlight default link hosoDate          Number
highlight default link hosoPlaceDate     Number
highlight default link hosoVote          Number
highlight default link hosoListMarker    Delimiter
highlight default link hosoComment       Comment
highlight default link hosoDirective     PreProc
highlight default link hosoRuleCode      Special

let b:current_syntax = 'hoso'
