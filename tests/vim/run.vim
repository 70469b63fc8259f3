" Headless Vim with ALE as an LSP client of the eqplan language server.
" Run: vim -N -u NONE -i NONE -n -es -S tests/vim/run.vim
" Sources the configuration the docs give (eqplan-ale.vim, with
" `eqplan-language-server` on PATH), opens $EQPLAN_PLAN, waits for the
" server's diagnostics, asks ALE for the code actions at the one whose code is
" $EQPLAN_FIX_CODE, applies the one titled $EQPLAN_FIX_TITLE, and writes what
" it saw as JSON to $EQPLAN_OUT, then quits.
let s:here = expand('<sfile>:p:h')
let s:result = {'diagnostics': []}

function! s:Finish() abort
  call writefile([json_encode(s:result)], $EQPLAN_OUT)
  qall!
endfunction

function! s:Wait(Condition, seconds) abort
  let l:waited = 0
  while !a:Condition() && l:waited < a:seconds * 20
    sleep 50m
    let l:waited += 1
  endwhile
  return a:Condition()
endfunction

function! s:Items() abort
  return filter(copy(get(get(g:ale_buffer_info, bufnr(''), {}), 'loclist', [])), 'v:val.linter_name is# ''eqplan''')
endfunction

let s:actions = v:null
function! s:OnActions(data, items) abort
  let s:actions = {'data': a:data, 'items': map(copy(a:items), 'v:val[1]')}
endfunction

try
  execute 'source ' . fnameescape(s:here . '/eqplan-ale.vim')
  execute 'edit ' . fnameescape($EQPLAN_PLAN)
  ALELint
  let s:result.waited = s:Wait({-> !empty(s:Items())}, 60) ? v:true : v:false
  for s:item in s:Items()
    call add(s:result.diagnostics, {'line': s:item.lnum - 1, 'col': s:item.col - 1, 'code': get(s:item, 'code', ''), 'message': s:item.text})
  endfor
  let s:target = filter(s:Items(), 'get(v:val, ''code'', '''') is# $EQPLAN_FIX_CODE')
  if !empty(s:target)
    " The cursor on the diagnostic's first column, as a user asking for its fixes (:ALECodeAction).
    call cursor(s:target[0].lnum, s:target[0].col)
    call ale#codefix#Execute(0, function('s:OnActions'))
    call s:Wait({-> s:actions isnot v:null}, 30)
    if s:actions isnot v:null
      let s:result.actions = map(copy(s:actions.items), 'v:val.title')
      let s:chosen = filter(copy(s:actions.items), 'v:val.title is# $EQPLAN_FIX_TITLE')
      if !empty(s:chosen)
        call ale#codefix#ApplyLSPCodeAction(s:actions.data, s:chosen[0])
      endif
    endif
    let s:result.fixedLine = getline(s:target[0].lnum)
  endif
catch
  let s:result.error = v:exception . ' at ' . v:throwpoint
endtry
call s:Finish()
