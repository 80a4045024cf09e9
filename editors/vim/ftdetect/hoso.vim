" Commendation dossiers (hồ sơ đề nghị khen thưởng) are *.hoso files.
autocmd BufRead,BufNewFile *.hoso setfiletype hoso
