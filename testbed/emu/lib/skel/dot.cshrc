# .cshrc - csh resource script, read at beginning of execution by each shell
#
# see also csh(1), environ(7).

alias h		history 25
alias j		jobs -l
alias la	ls -aF
alias lf	ls -FA
alias ll	ls -lAF

setenv	EDITOR	vi
setenv	PAGER	less
