(require 'lsp-mode)
(require 'yaml-mode)
(add-to-list 'auto-mode-alist '("\\.eqplan\\.ya?ml\\'" . yaml-mode))
(setq lsp-auto-guess-root t)
(lsp-register-custom-settings
 '(("eqplan.rules" ((stale-update . "off")))))
(lsp-register-client
 (make-lsp-client
  :new-connection (lsp-stdio-connection '("eqplan-language-server" "--stdio"))
  :major-modes '(yaml-mode)
  :server-id 'eqplan
  :add-on? t
  :initialized-fn (lambda (workspace)
                    (with-lsp-workspace workspace
                      (lsp--set-configuration (lsp-configuration-section "eqplan"))))))
(add-hook 'yaml-mode-hook #'lsp)
