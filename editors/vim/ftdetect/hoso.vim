" Commendation dossiers (hồ sơ đề nghị khen thưởng) are *.hoso files in any case, and
" Notepad's *.hoso.txt (what `hoso lint` counts as a dossier).
autocmd BufRead,BufNewFile *.hoso,*.HOSO,*.Hoso,*.hoso.txt,*.HOSO.TXT,*.HOSO.txt setfiletype hoso
