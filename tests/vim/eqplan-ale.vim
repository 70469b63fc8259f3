packadd ale
filetype plugin on
autocmd BufNewFile,BufRead *.eqplan.yaml,*.eqplan.yml setfiletype yaml
call ale#linter#Define('yaml', {
\   'name': 'eqplan',
\   'lsp': 'stdio',
\   'executable': 'eqplan-language-server',
\   'command': '%e --stdio',
\   'project_root': {buffer -> fnamemodify(bufname(buffer), ':p:h')},
\   'lsp_config': {'eqplan': {'rules': {'stale-update': 'off'}}},
\})
let g:ale_linters = {'yaml': ['eqplan']}
