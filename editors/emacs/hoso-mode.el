;;; hoso-mode.el --- Major mode for .hoso commendation dossiers  -*- lexical-binding: t; -*-

;; Version: 1.1.0
;; Package-Requires: ((emacs "27.1"))
;; Keywords: languages

;;; Commentary:

;; Highlighting for hồ sơ đề nghị khen thưởng (.hoso files) and registration of the
;; `hoso lsp' language server with eglot.  Setup:
;;
;;   (add-to-list 'load-path "/path/to/hoso/editors/emacs")
;;   (require 'hoso-mode)
;;   (add-hook 'hoso-mode-hook #'eglot-ensure)

;;; Code:

(defgroup hoso nil "Commendation dossiers (.hoso)." :group 'text)

(defcustom hoso-command '("hoso" "lsp")
  "The command that starts the hoso language server."
  :type '(repeat string) :group 'hoso)

(defconst hoso--keys
  (regexp-opt '("Đơn vị" "Phong trào" "Số" "Kính gửi" "Về việc" "V/v" "Chức vụ" "Hình thức"
                "Sáng kiến" "Thời gian" "Địa điểm" "Thành phần" "Chủ trì" "Thư ký" "Kết thúc")))

(defconst hoso--ratings
  (regexp-opt '("Hoàn thành xuất sắc nhiệm vụ" "Hoàn thành tốt nhiệm vụ" "Không hoàn thành nhiệm vụ"
                "Hoàn thành nhiệm vụ" "HTXSNV" "HTXS" "HTTNV" "HTNV" "KHTNV")))

(defconst hoso--document-types
  (regexp-opt '("Luật" "Nghị định" "Nghị quyết" "Quyết định" "Thông tư" "Chỉ thị" "Kế hoạch"
                "Hướng dẫn" "Công văn" "Tờ trình" "Thông báo" "Báo cáo" "KH" "HD" "NĐ" "QĐ" "TT" "NQ" "CT" "TTr" "BC")))

(defconst hoso-font-lock-keywords
  `(("^ \\{0,3\\}\\(#\\)[ \t]+\\([^:\n]*\\)\\(?::[ \t]*\\(.*\\)\\)?$"
     (1 'font-lock-comment-delimiter-face) (2 'font-lock-function-name-face) (3 'font-lock-variable-name-face nil t))
    ("^ \\{0,3\\}\\(##\\)[ \t]+\\(\\(?:[IVXLC]+\\|[0-9]+\\)[.)]\\)?[ \t]*\\(.*\\)$"
     (1 'font-lock-comment-delimiter-face) (2 'font-lock-constant-face nil t) (3 'font-lock-function-name-face))
    ("^ \\{0,3\\}\\(###\\)[ \t]+\\(Cá nhân\\|Tập thể\\)[ \t]*:[ \t]*\\(.*\\)$"
     (1 'font-lock-comment-delimiter-face) (2 'font-lock-keyword-face) (3 'font-lock-variable-name-face))
    (,(concat "^[ \t]*\\*\\{0,2\\}\\(" hoso--keys "\\|Năm [0-9]\\{4\\}\\|Khen thưởng năm [0-9]\\{4\\}\\)\\*\\{0,2\\}[ \t]*:")
     (1 'font-lock-builtin-face))
    (,hoso--ratings . 'font-lock-constant-face)
    (,(concat "\\<\\(" hoso--document-types "\\)\\(?: số\\)? \\([0-9]*\\(?:/[0-9]\\{4\\}\\)?/[[:alnum:]-]+\\|[0-9]+\\)")
     (1 'font-lock-type-face) (2 'font-lock-constant-face))
    ("\\<[0-9]\\{1,2\\}\\([/.-]\\)[0-9]\\{1,2\\}\\1[0-9]\\{4\\}\\>" . 'font-lock-constant-face)
    (",[ \t]*\\(ngày[ \t]+[^ \t\n]*[ \t]*tháng[ \t]+[^ \t\n]*[ \t]*năm[ \t]+[^ \t\n]*\\)[ \t]*$" (1 'font-lock-constant-face))
    ("\\<hoso-\\(?:disable-next-line\\|disable\\|enable\\)\\>" 0 'font-lock-preprocessor-face t)
    ("\\<HS[0-9]\\{3\\}\\>" 0 'font-lock-constant-face t))
  "Highlighting for `hoso-mode'.")

(defvar hoso-mode-map
  (let ((map (make-sparse-keymap)))
    ;; text-mode gives C-M-i (M-TAB) to `ispell-complete-word'; in a dossier it completes from
    ;; the language server (part titles, ratings, award forms, rule codes) through eglot.
    (define-key map (kbd "C-M-i") #'completion-at-point)
    (define-key map (kbd "C-c C-e") #'hoso-export)
    map)
  "Keymap for `hoso-mode'.")

(defvar hoso-mode-syntax-table
  (let ((table (make-syntax-table text-mode-syntax-table)))
    table)
  "Syntax table for `hoso-mode'.")

;; eglot is loaded by the time a dossier's server runs; these are its functions `hoso-export' uses.
(declare-function eglot--current-server-or-lose "eglot")
(declare-function eglot--path-to-uri "eglot")
(declare-function eglot--signal-textDocument/didChange "eglot")
(declare-function eglot-execute-command "eglot")

(defun hoso-export (&optional format)
  "Export the dossier, as it is in the buffer (saved or not), as papers to print and sign.
The language server writes them beside the file (a.hoso gives a.docx or a.html) and says
so.  FORMAT is \"docx\" (the default) or \"html\"; with a prefix argument, ask for it."
  (interactive (list (if current-prefix-arg (completing-read "Định dạng / format: " '("docx" "html") nil t) "docx")))
  (unless buffer-file-name (user-error "hoso: this buffer visits no file"))
  (require 'eglot)
  (let ((server (eglot--current-server-or-lose)))
    ;; Changes not yet sent (eglot waits for idle time) go first, so the export has them.
    (eglot--signal-textDocument/didChange)
    (eglot-execute-command server "hoso.export"
                           (vector (list :uri (eglot--path-to-uri buffer-file-name) :format (or format "docx"))))))

;;;###autoload
(define-derived-mode hoso-mode text-mode "Hồ sơ"
  "Major mode for .hoso commendation dossiers."
  (setq-local font-lock-defaults '(hoso-font-lock-keywords))
  (setq-local comment-start "<!-- ")
  (setq-local comment-end " -->")
  (setq-local comment-start-skip "<!--[ \t]*")
  (setq-local comment-end-skip "[ \t]*-->")
  (setq-local font-lock-multiline t)
  (font-lock-add-keywords nil '(("<!--\\(?:.\\|\n\\)*?-->" 0 'font-lock-comment-face prepend)) 'prepend))

;;;###autoload
(add-to-list 'auto-mode-alist '("\\.[hH][oO][sS][oO]\\(?:\\.[tT][xX][tT]\\)?\\'" . hoso-mode))

(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs `(hoso-mode . ,hoso-command)))

(provide 'hoso-mode)
;;; hoso-mode.el ends here
