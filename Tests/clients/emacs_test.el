;;; emacs_test.el --- the real `hoso lsp' under Emacs + eglot, in batch mode  -*- lexical-binding: t; -*-
;; Loads the shipped editors/emacs/hoso-mode.el: the file opens in `hoso-mode', is highlighted,
;; and eglot shows the server's diagnostics; a quick fix removes one; `hoso-export' writes the
;; unsaved buffer's papers; completion-at-point
;; completes whole values; the time from an edit to its diagnostics is measured.
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
      (hoso-check (looking-at "Họ và tên: Đinh") "line 38 was not fixed"))
    ;; `hoso-export' (C-c C-e) exports the buffer's text, the fix unsaved, beside the file.
    (let ((exported (concat (file-name-sans-extension buffer-file-name) ".html")))
      (ignore-errors (delete-file exported))
      (hoso-check (eq (key-binding (kbd "C-c C-e")) 'hoso-export) "C-c C-e is not hoso-export")
      (condition-case err (hoso-export "html")
        (error (hoso-check nil (format "hoso-export: %S" err))))
      (hoso-check (and (file-exists-p exported)
                       (with-temp-buffer (insert-file-contents exported) (search-forward "Họ và tên: Đinh Văn Hải" nil t)))
                  (format "hoso-export did not write the buffer's text to %s" exported))
      (ignore-errors (delete-file exported)))))

;; Completion as a user gets it: `completion-at-point' (C-M-i) with eglot's capf, which inserts the
;; only candidate and applies the server's textEdit: the whole value is replaced, not the last word.
(dolist (case '((18 "Năm 2021: Hoàn thành xu" "Năm 2021: Hoàn thành xuất sắc nhiệm vụ")
                (22 "# BIÊN B" "# BIÊN BẢN HỌP XÉT")
                (14 "Hình thức: Bằng kh" "Hình thức: Bằng khen của Chủ tịch UBND tỉnh")
                (18 "Năm 2021: Hoan thanh xu" "Năm 2021: Hoàn thành xuất sắc nhiệm vụ")))
  (pcase-let ((`(,line ,typed ,expected) case) (original nil))
    (goto-char (point-min)) (forward-line line)
    (setq original (buffer-substring (line-beginning-position) (line-end-position)))
    (delete-region (line-beginning-position) (line-end-position))
    (insert typed)
    (hoso-check (memq 'eglot-completion-at-point completion-at-point-functions) "eglot's capf is not in use")
    (condition-case err (completion-at-point)
      (error (hoso-check nil (format "completion-at-point after %S: %S" typed err))))
    (let ((got (buffer-substring-no-properties (line-beginning-position) (line-end-position))))
      (hoso-check (equal got expected) (format "completing %S gave %S, expected %S" typed got expected)))
    (delete-region (line-beginning-position) (line-end-position))
    (insert original)))

;; Keystroke to diagnostics: from the edit to flymake's changed diagnostics. Eglot sends a change
;; once Emacs has been idle `eglot-send-changes-idle-time'; batch mode runs no idle timers, so the
;; wait below runs each idle timer when its idle time has passed, as the command loop would.
(defvar hoso-change-sent nil "When eglot last sent a didChange.")
(advice-add 'eglot--signal-textDocument/didChange :before
            (lambda (&rest _) (when eglot--recent-changes (setq hoso-change-sent (float-time)))))
(defun hoso-wait-idle (predicate seconds)
  "Like `hoso-wait', running idle timers as if Emacs had been idle since the call."
  (let ((start (float-time)) (ran nil))
    (while (and (not (funcall predicate)) (< (- (float-time) start) seconds))
      (dolist (timer (copy-sequence timer-idle-list))
        (when (and (not (memq timer ran)) (<= (float-time (timer--time timer)) (- (float-time) start)))
          (push timer ran)
          (timer-event-handler timer)))
      (accept-process-output nil 0.001))
    (funcall predicate)))
(eglot--signal-textDocument/didChange)
(hoso-wait #'ignore 1)  ; the diagnostics of the edits above settle first
(defvar hoso-publishes 0 "How many publishDiagnostics eglot has handled.")
(cl-defmethod eglot-handle-notification :after (_server (_method (eql textDocument/publishDiagnostics)) &rest _)
  (cl-incf hoso-publishes))
(defun hoso-respell (spelling)
  "Write SPELLING over the key of line 26 (Địa điểm)."
  (goto-char (point-min)) (forward-line 25)
  (delete-region (point) (+ (point) (length "Địa điểm")))
  (insert spelling))
;; Timed: "Địa điểm" → "Dia diem" until HS108 shows on line 26; untimed: back, until the server has answered.
(let ((total nil) (server nil))
  (dotimes (i 10)
    (let ((start (float-time)))
      (setq hoso-change-sent nil)
      (hoso-respell "Dia diem")
      (hoso-check (hoso-wait-idle (lambda () (member "HS108@25:0" (hoso-spots))) 10)
                  (format "no HS108 after edit %d" i))
      (push (* 1000 (- (float-time) start)) total)
      (when hoso-change-sent (push (* 1000 (- (float-time) hoso-change-sent)) server)))
    (let ((published hoso-publishes))
      (hoso-respell "Địa điểm")
      (hoso-wait-idle (lambda () (> hoso-publishes published)) 10)))
  (let ((median (lambda (l) (nth (/ (length l) 2) (sort (copy-sequence l) #'<)))))
    (message "emacs keystroke→diagnostics: median %.1f ms (min %.1f, max %.1f; eglot-send-changes-idle-time %s s); didChange sent→diagnostics: median %.1f ms (%d edits)"
             (funcall median total) (apply #'min total) (apply #'max total) eglot-send-changes-idle-time
             (if server (funcall median server) -1) (length total))
    (hoso-check (< (funcall median total) (+ 1000 (* 1000 eglot-send-changes-idle-time))) "diagnostics took over a second after eglot sent the change")))

(set-buffer-modified-p nil)
(ignore-errors (eglot-shutdown (eglot-current-server)))
(if hoso-failures
    (progn (message "emacs test FAILED:\n  %s" (mapconcat #'identity (reverse hoso-failures) "\n  ")) (kill-emacs 1))
  (message "emacs test passed")
  (kill-emacs 0))
