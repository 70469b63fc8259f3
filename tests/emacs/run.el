;;; run.el --- headless Emacs as an LSP client of the eqplan language server  -*- lexical-binding: t -*-
;; Run: EQPLAN_CLIENT=eglot emacs --batch -l tests/emacs/run.el
;; Loads the configuration the docs give (tests/emacs/eqplan-<client>.el, with
;; `eqplan-language-server' on PATH), opens EQPLAN_PLAN, waits for the
;; server's diagnostics, asks for the quick fixes of the one whose code is
;; EQPLAN_FIX_CODE, applies the one titled EQPLAN_FIX_TITLE, and writes what
;; it saw as JSON to EQPLAN_OUT.
(require 'json)
(require 'cl-lib)
(setq make-backup-files nil
      auto-save-default nil
      create-lockfiles nil)

(defvar eqplan-test-client (or (getenv "EQPLAN_CLIENT") "eglot"))
(defvar eqplan-test-out (getenv "EQPLAN_OUT"))
;; lsp-mode's mode line parts are not loaded in batch mode (no package autoloads), and there is no mode line to show them.
(defvar lsp-modeline-workspace-status-enable nil)
(defvar lsp-modeline-diagnostics-enable nil)
(defvar lsp-modeline-code-actions-enable nil)
(defvar lsp-headerline-breadcrumb-enable nil)

(defun eqplan-test-finish (result)
  (with-temp-file eqplan-test-out (insert (json-encode result)))
  (kill-emacs 0))

(defun eqplan-test-wait (pred seconds)
  "Let Emacs read the server until PRED holds, for at most SECONDS."
  (let ((deadline (+ (float-time) seconds)))
    (while (and (not (funcall pred)) (< (float-time) deadline))
      (accept-process-output nil 0.05)
      ;; eglot-ensure and lsp-mode start from the command loop, which batch mode does not run.
      (run-hooks 'post-command-hook))
    (funcall pred)))

(defun eqplan-test-get (object &rest keys)
  "KEYS (keywords) looked up in turn in OBJECT: eglot gives plists, lsp-mode hash tables."
  (dolist (key keys object)
    (setq object (if (hash-table-p object)
                     (gethash (substring (symbol-name key) 1) object)
                   (plist-get object key)))))

(defun eqplan-test-lsp-diagnostics ()
  "The LSP diagnostics the client holds for this buffer, as plists."
  (pcase eqplan-test-client
    ("eglot"
     (delq nil (mapcar (lambda (d) (cdr (assoc 'eglot-lsp-diag (flymake-diagnostic-data d))))
                       (flymake-diagnostics))))
    ("lsp-mode"
     (gethash (lsp--fix-path-casing buffer-file-name) (lsp-diagnostics t)))))

(defun eqplan-test-code-actions (diag)
  "The quick fixes the server offers for DIAG, as plists."
  (let* ((beg (eqplan-test-point (eqplan-test-get diag :range :start)))
         (end (eqplan-test-point (eqplan-test-get diag :range :end))))
    (pcase eqplan-test-client
      ("eglot" (eglot-code-actions beg end "quickfix"))
      ("lsp-mode"
       (save-excursion
         (goto-char beg)
         (append (lsp-code-actions-at-point) nil))))))

(defun eqplan-test-point (pos)
  (save-excursion
    (goto-char (point-min))
    (forward-line (eqplan-test-get pos :line))
    (forward-char (eqplan-test-get pos :character))
    (point)))

(condition-case err
    (progn
      (load (expand-file-name (format "eqplan-%s.el" eqplan-test-client) (file-name-directory load-file-name)) nil t)
      (find-file (getenv "EQPLAN_PLAN"))
      (let* ((got (eqplan-test-wait (lambda () (eqplan-test-lsp-diagnostics)) 60))
             (diags (eqplan-test-lsp-diagnostics))
             (fix-code (getenv "EQPLAN_FIX_CODE"))
             (target (cl-find-if (lambda (d) (equal (eqplan-test-get d :code) fix-code)) diags))
             (actions (and target (eqplan-test-code-actions target)))
             (chosen (cl-find-if (lambda (a) (equal (eqplan-test-get a :title) (getenv "EQPLAN_FIX_TITLE"))) actions))
             (line (and target (1+ (eqplan-test-get target :range :start :line)))))
        (when chosen
          (pcase eqplan-test-client
            ("eglot" (eglot--apply-workspace-edit (eqplan-test-get chosen :edit)))
            ("lsp-mode" (lsp--apply-workspace-edit (eqplan-test-get chosen :edit)))))
        (eqplan-test-finish
         `((waited . ,(if got t :json-false))
           (diagnostics . ,(vconcat
                            (mapcar (lambda (d)
                                      `((line . ,(eqplan-test-get d :range :start :line))
                                        (col . ,(eqplan-test-get d :range :start :character))
                                        (code . ,(eqplan-test-get d :code))
                                        (source . ,(eqplan-test-get d :source))
                                        (message . ,(eqplan-test-get d :message))))
                                    diags)))
           (actions . ,(vconcat (mapcar (lambda (a) (eqplan-test-get a :title)) actions)))
           (fixedLine . ,(and line (save-excursion (goto-char (point-min)) (forward-line (1- line))
                                                   (buffer-substring-no-properties (line-beginning-position) (line-end-position)))))))))
  (error (eqplan-test-finish `((error . ,(error-message-string err)) (diagnostics . [])))))
