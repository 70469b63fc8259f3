(require 'eglot)
(require 'yaml-mode)
(add-to-list 'auto-mode-alist '("\\.eqplan\\.ya?ml\\'" . yaml-mode))
(add-to-list 'eglot-server-programs
             '(yaml-mode . ("eqplan-language-server" "--stdio")))
(setq-default eglot-workspace-configuration
              '(:eqplan (:rules (:stale-update "off"))))
(add-hook 'yaml-mode-hook #'eglot-ensure)
