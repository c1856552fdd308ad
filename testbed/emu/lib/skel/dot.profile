#
# .profile - Bourne Shell startup script for login shells
#
# see also sh(1), environ(7).

EDITOR=vi;   	export EDITOR
PAGER=less;  	export PAGER

# set ENV to a file invoked each time sh is started for interactive use.
ENV=$HOME/.shrc; export ENV
