;;; emacs_test.el --- the real `hoso lsp' under Emacs + eglot, in batch mode  -*- lexical-binding: t; -*-
;; Loads the shipped editors/emacs/hoso-mode.el: the file opens in `hoso-mode', is highlighted,
;; and eglot shows the server's diagnostics; a quick fix removes one.
;; Run: HOSO_BIN=... HOSO_FILE=... emacs --batch -Q -l Tests/clients/emacs_test.el
;; Debian's elpa-* packages live outside the default load path of `emacs -Q'.
(dolist (dir (file-expand-wildcards "/usr/share/emacs/site-lisp/elpa/*"))
  (add-to-list 'load-path dir))
(require 'eglot)
(require 'flymake)

(add-to-list 'load-path (expand-file-name "editors/emacs"))
(setq hoso-command (list (getenv "HOSO_BIN") "lsp"))
(require 'hoso-mode)

(defvar hoso-failures nil)
(defun hoso-check (ok message) (unless ok (push message hoso-failures)))

(defun hoso-wait (predicate seconds)
  (let ((deadline (+ (float-time) seconds)))
    (while (and (not (funcall predicate)) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (funcall predicate)))

(defun hoso-spots ()
  "Diagnostics as CODE@LINE:COLUMN (0-based line, column in characters), sorted."
  (sort (mapcar (lambda (d)
                  (let ((beg (flymake-diagnostic-beg d))
                        (text (flymake-diagnostic-text d)))
                    (save-excursion
                      (goto-char beg)
                      (format "%s@%d:%d"
                              (if (string-match "HS[0-9][0-9][0-9]" text) (match-string 0 text) text)
                              (1- (line-number-at-pos)) (current-column)))))
                (flymake-diagnostics))
        #'string<))

(find-file (getenv "HOSO_FILE"))
(hoso-check (eq major-mode 'hoso-mode) (format "major mode is %s" major-mode))
(font-lock-ensure)
(save-excursion
  (goto-char (point-min)) (forward-line 13)
  (hoso-check (eq (get-text-property (point) 'face) 'font-lock-builtin-face)
              (format "line 14 (Chức vụ) face: %S" (get-text-property (point) 'face))))
(setq-local eglot-stay-out-of nil)
(apply #'eglot (eglot--guess-contact))
(hoso-check (hoso-wait (lambda () (flymake-diagnostics)) 20) "no diagnostics arrived")
(hoso-wait (lambda () (= (length (flymake-diagnostics)) 9)) 5)
(let ((expected '("HS003@37:11" "HS105@32:0" "HS107@13:0" "HS107@22:0" "HS108@0:0" "HS108@2:2"
                  "HS111@30:2" "HS112@12:13" "HS205@17:0")))
  (hoso-check (equal (hoso-spots) expected) (format "diagnostics: got %S" (hoso-spots))))

;; Apply the quick fix for the look-alike Ð (HS003).
(let* ((diag (seq-find (lambda (d) (string-match-p "HS003" (flymake-diagnostic-text d))) (flymake-diagnostics)))
       (beg (and diag (flymake-diagnostic-beg diag)))
       (end (and diag (flymake-diagnostic-end diag)))
       (actions (and diag (eglot-code-actions beg end "quickfix" nil)))
       (action (seq-find (lambda (a) (equal (plist-get a :title) "Thay bằng Đ")) actions)))
  (hoso-check action (format "no quick fix 'Thay bằng Đ' among %S" (mapcar (lambda (a) (plist-get a :title)) actions)))
  (when action
    (eglot--apply-workspace-edit (plist-get action :edit))
    (hoso-wait (lambda () (not (seq-find (lambda (s) (string-prefix-p "HS003" s)) (hoso-spots)))) 10)
    (hoso-check (not (seq-find (lambda (s) (string-prefix-p "HS003" s)) (hoso-spots)))
                (format "HS003 still there: %S" (hoso-spots)))
    (save-excursion
      (goto-char (point-min)) (forward-line 37)
      (hoso-check (looking-at "Họ và tên: Đinh") "line 38 was not fixed"))))

(set-buffer-modified-p nil)
(ignore-errors (eglot-shutdown (eglot-current-server)))
(if hoso-failures
    (progn (message "emacs test FAILED:\n  %s" (mapconcat #'identity (reverse hoso-failures) "\n  ")) (kill-emacs 1))
  (message "emacs test passed")
  (kill-emacs 0))
