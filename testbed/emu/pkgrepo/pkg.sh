#!/bin/sh
# /usr/local/sbin/pkg (and pkg-static): the real pkg(8) of ports-mgmt/pkg 1.21, as installed by `pkg bootstrap`
# from the testbed's repository (packaged by testbed/mirror/build-pkg-repo; the stub /usr/sbin/pkg execs it).
# Follows pkg's src/ (main.c, install.c, delete.c, upgrade.c, update.c, info.c, query.c, version.c) against
# the repositories of /etc/pkg/*.conf and /usr/local/etc/pkg/repos/*.conf (same rules as the stub, see
# testbed/emu/bin/pkg; the functions under "repository configuration" are kept identical to the stub's).
#
#   update [-f] [-q] [-r repo]     fetches meta.conf and packagesite.pkg of every enabled repository into
#                                  /var/db/pkg/repos/NAME/ ("FreeBSD repository is up to date." when unchanged)
#   install|add, delete|remove, upgrade, info, query, version, search, -N, -v
#   add FILE                       installs a package file (what the stub runs as `pkg-static add`)
#   -j JAIL                        attaches to the jail (path from jls): the jail's configuration, database and
#                                  files, as main.c's jail_attach() before pkg_ini()
#   -c DIR                         the same for a chroot
#   -r DIR                         the HOST's configuration, DIR's database and files (pkg_set_rootdir)
# install fetches All/NAME-VERSION.pkg over HTTP into /var/cache/pkg and extracts it; the database is
# /var/db/pkg/local.sqlite (its existence: "a database exists") plus one record a package in
# /var/db/pkg/emu/NAME (+ NAME.files). Empty database (no local.sqlite): `info` exit 0 silent, `info NAME`
# "pkg: No packages installed" exit 1, `query` "pkg: No packages installed" exit 0 (info.c, query.c).
# Left out: sqlite, signatures, conflicts, autoremove, locks, annotations, shared-library tracking, pkg.conf
# keys other than the repositories (ASSUME_ALWAYS_YES is read from the environment).
R=${EMU_ROOT:-/}; R=${R%/}
CONF_ROOT=$R
LOCALBASE=${LOCALBASE:-/usr/local}
ABI=${ABI:-FreeBSD:14:amd64}
TAB=$(printf '\t')
PKGVERSION=1.21.3
# format_query FORMAT NAME: query.c's format keys %n %v %o %c %a %k %R %q %t, escapes \t \n, for one package
format_query() {
	awk -v fmt="$1" '
	{ k = substr($0, 1, index($0, "=") - 1); v[k] = substr($0, index($0, "=") + 1) }
	END {
		m["n"] = v["name"]; m["v"] = v["version"]; m["o"] = v["origin"]; m["c"] = v["comment"]; m["a"] = v["automatic"]
		m["k"] = "0"; m["R"] = "FreeBSD"; m["q"] = "FreeBSD:14:amd64"; m["t"] = v["timestamp"]; m["%"] = "%"
		out = ""
		for (i = 1; i <= length(fmt); i++) {
			c = substr(fmt, i, 1); d = substr(fmt, i + 1, 1)
			if (c == "%" && (d in m)) { out = out m[d]; i++ }
			else if (c == "\\" && d == "t") { out = out "\t"; i++ }
			else if (c == "\\" && d == "n") { out = out "\n"; i++ }
			else out = out c
		}
		print out
	}' "$DB/$2"
}
usage_query() {
	echo "Usage: pkg query <query-format> <pkg-name>" >&2
	echo "       pkg query [-a] <query-format>" >&2
	echo "       pkg query -F <pkg-name> <query-format>" >&2
	echo "       pkg query -e <evaluation> <query-format>" >&2
	printf '       pkg query [-Cgix] <query-format> <pattern> <...>\n\n' >&2
	echo "For more information see 'pkg help query.'" >&2
	exit 64
}
usage() { echo "Usage: pkg [-v] [-d] [-l] [-N] [-j <jail name or id>|-c <chroot path>|-r <rootdir>] [-C <configuration file>] [-R <repo config dir>] [-o var=value] [-4|-6] <command> [<args>]" >&2; exit 1; }

# --- repository configuration (config.c) -------------------------------------------------------------------
# repo_conf_files ROOT: the repository files pkg reads, in order.
repo_conf_files() {
	for d in "$1/etc/pkg" "$1$LOCALBASE/etc/pkg/repos"; do
		[ -d "$d" ] || continue
		for f in "$d"/*.conf; do [ -f "$f" ] && echo "$f"; done
	done
}
# repositories ROOT: "name<TAB>enabled<TAB>url<TAB>mirror_type<TAB>signature_type" per repository (UCL objects
# `NAME: { key: value, ... }`; later files override earlier ones key by key; order of first appearance).
repositories() {
	files=$(repo_conf_files "$1")
	[ -n "$files" ] || { printf 'FreeBSD\tyes\tpkg+http://pkg.FreeBSD.org/${ABI}/latest\tsrv\t\n'; return; }
	# shellcheck disable=SC2086
	awk '
	function next_token(   c) {
		while (length(text)) {
			if (match(text, /^[ \t\r\n]+/)) { text = substr(text, RLENGTH + 1); continue }
			if (match(text, /^"[^"]*"/)) { tok = substr(text, 2, RLENGTH - 2); text = substr(text, RLENGTH + 1); return 1 }
			c = substr(text, 1, 1)
			if (index("{}:=,;", c)) { tok = c; text = substr(text, 2); return 1 }
			match(text, /^[^ \t\r\n{}:=,;"]+/); tok = substr(text, 1, RLENGTH); text = substr(text, RLENGTH + 1); return 1
		}
		return 0
	}
	function parse_file(   name, key) {
		while (next_token()) {
			if (tok == "," || tok == ";") continue
			name = tok
			if (!next_token()) return
			if (tok == ":" || tok == "=") next_token()
			if (tok != "{") return
			if (!(name in seen)) { seen[name] = 1; order[++n] = name }
			while (next_token() && tok != "}") {
				if (tok == "," || tok == ";") continue
				key = tolower(tok); next_token()
				if (tok == ":" || tok == "=") next_token()
				val[name, key] = tok
			}
		}
	}
	FNR == 1 && NR > 1 { parse_file(); text = "" }
	{ sub(/#.*/, ""); text = text " " $0 }
	END {
		parse_file()
		for (i = 1; i <= n; i++) {
			r = order[i]; e = ((r, "enabled") in val) ? tolower(val[r, "enabled"]) : "yes"
			printf "%s\t%s\t%s\t%s\t%s\n", r, e, val[r, "url"], tolower(val[r, "mirror_type"]), tolower(val[r, "signature_type"])
		}
	}' $files
}
# enabled_repositories ROOT [NAME]: the enabled ones (only NAME when given, as `bootstrap -r NAME`).
enabled_repositories() {
	repositories "$1" | awk -F'\t' -v want="$2" '($2 == "yes" || $2 == "true" || $2 == "on" || $2 == "1") && (want == "" || $1 == want)'
}
expand_vars() { # the url with ${ABI}, ${VERSION_MAJOR}, ${VERSION_MINOR} expanded (config.c subst_packagesite)
	echo "$1" | awk -v abi="$ABI" '{ gsub(/\$\{ABI\}/, abi); gsub(/\$\{VERSION_MAJOR\}/, "14"); gsub(/\$\{VERSION_MINOR\}/, "3"); print }'
}
expand_url() { # what is fetched: expanded, without the pkg+ scheme prefix (URL_SCHEME_PREFIX)
	u=$(expand_vars "$1"); echo "${u#pkg+}"
}

# --- fetch(3) over the testbed network ----------------------------------------------------------------------
# fetch_once URL FILE: 0, or 1 with FETCH_ERROR set to fetch(3)'s fetchLastErrString.
fetch_once() {
	case $1 in
	file://*)
		if cp "${1#file://}" "$2" 2>/dev/null; then return 0; fi
		FETCH_ERROR="No such file or directory"; return 1 ;;
	http://*|https://*) ;;
	*) FETCH_ERROR="Invalid URL scheme"; return 1 ;;
	esac
	host=${1#*://}; host=${host%%/*}; host=${host%:*}; host=${host#[}; host=${host%]}
	case $host in
	localhost|*[!0-9.]*) [ "$host" = localhost ] || { FETCH_ERROR="No address record"; return 1; } ;;
	esac
	if command -v busybox >/dev/null 2>&1; then wget="busybox wget"; else wget=wget; fi
	# no -T: Debian's busybox wget crashes with it in this sandbox; the testbed network answers or refuses
	err=$($wget -q -O "$2" "$1" 2>&1) && return 0
	case $err in
	*"Connection refused"*) FETCH_ERROR="Connection refused" ;;
	*" 404 "*|*"404 Not Found"*) FETCH_ERROR="Not Found" ;;
	*"timed out"*|*timeout*) FETCH_ERROR="Operation timed out" ;;
	*"server returned error: "*) FETCH_ERROR=$(echo "$err" | awk 'sub(/.*server returned error: HTTP\/[0-9.]* [0-9]* /, "") { print; exit }') ;;
	*) FETCH_ERROR="Unknown error" ;;
	esac
	rm -f "$2"
	return 1
}
# fetch_to_file URL FILE: three tries a second apart, as pkg.c's fetch_to_fd (max_retry 3).
fetch_to_file() {
	tries=3
	while :; do
		fetch_once "$1" "$2" && return 0
		tries=$((tries - 1))
		[ "$tries" -gt 0 ] || return 1
		sleep 1
	done
}

# --- main.c: global options ---------------------------------------------------------------------------------
jail= activation=
while getopts 46c:C:dj:lNo:r:R:v opt; do
	case $opt in
	j) jail=$OPTARG ;;
	c) R="$R${OPTARG%/}"; CONF_ROOT=$R ;;
	r) R="$R${OPTARG%/}" ;;
	N) activation=1 ;;
	v) echo "$PKGVERSION"; exit 0 ;;
	4|6|C|d|l|o|R) ;;
	*) usage ;;
	esac
done
shift $((OPTIND - 1))
if [ -n "$jail" ]; then
	jpath=$(jls -j "$jail" path 2>/dev/null)
	if [ -z "$jpath" ]; then echo "pkg: jail \"$jail\" not found" >&2; exit 1; fi
	R="$R${jpath%/}"; CONF_ROOT=$R
fi
DBDIR="$R/var/db/pkg"
DB="$DBDIR/emu"
LOCALDB="$DBDIR/local.sqlite"
CACHEDIR="$R/var/cache/pkg"
has_db() { [ -e "$LOCALDB" ]; }
if [ -n "$activation" ]; then
	# main.c's activation test (pkg_status())
	has_db || { echo "pkg: package database non-existent" >&2; exit 1; }
	n=$(ls "$DB" 2>/dev/null | grep -vc '\.files$')
	[ "$n" -gt 0 ] || { echo "pkg: no packages registered" >&2; exit 1; }
	echo "$n packages installed"; exit 0
fi
[ $# -ge 1 ] || usage
cmd=$1; shift
quiet= only_repo=

# vercmp A B: prints <, = or > (pkg version ordering: epoch, parts, revision)
vercmp() {
	awk -v a="$1" -v b="$2" '
	function split3(v, r) { r["e"] = 0; r["r"] = 0
		if (index(v, ",")) { r["e"] = substr(v, index(v, ",") + 1) + 0; v = substr(v, 1, index(v, ",") - 1) }
		if (index(v, "_")) { r["r"] = substr(v, index(v, "_") + 1) + 0; v = substr(v, 1, index(v, "_") - 1) }
		r["v"] = v }
	BEGIN { split3(a, A); split3(b, B)
		if (A["e"] != B["e"]) { print (A["e"] < B["e"]) ? "<" : ">"; exit }
		na = split(A["v"], x, /[.]/); nb = split(B["v"], y, /[.]/)
		for (i = 1; i <= (na > nb ? na : nb); i++) {
			p = (i <= na) ? x[i] : ""; q = (i <= nb) ? y[i] : ""
			if (p ~ /^[0-9]+$/ && q ~ /^[0-9]+$/) { if (p + 0 != q + 0) { print (p + 0 < q + 0) ? "<" : ">"; exit } }
			else if (p != q) { if (p == "") { print "<"; exit } if (q == "") { print ">"; exit } print (p < q) ? "<" : ">"; exit } }
		if (A["r"] != B["r"]) { print (A["r"] < B["r"]) ? "<" : ">"; exit }
		print "=" }'
}
# --- the fetched catalogues (update.c; libpkg/repo/binary/update.c) -----------------------------------------
# catalogues: "repo<TAB>site<TAB>catalogue file" of every enabled repository whose catalogue was fetched.
catalogues() {
	enabled_repositories "$CONF_ROOT" "$only_repo" | while IFS="$TAB" read -r name enabled url mirror sig; do
		f="$DBDIR/repos/$name/packagesite.tsv"
		[ -r "$f" ] && printf '%s\t%s\t%s\n' "$name" "$(expand_url "$url")" "$f"
	done
}
# repo_line NAME[-VERSION]|ORIGIN: the newest matching catalogue line, prefixed with "repo<TAB>site<TAB>".
# Catalogue columns: name version origin comment deps path sha256 size.
repo_line() {
	best= bv=
	matches=$(catalogues | while IFS="$TAB" read -r name site f; do
		awk -F'\t' -v q="$1" -v pre="$name$TAB$site$TAB" '($1 == q || $1 "-" $2 == q || $3 == q) { print pre $0 }' "$f"
	done)
	while IFS= read -r l; do
		[ -n "$l" ] || continue
		v=$(field "$l" 4)
		if [ -z "$best" ] || [ "$(vercmp "$bv" "$v")" = "<" ]; then best=$l; bv=$v; fi
	done <<EOT
$matches
EOT
	[ -n "$best" ] && echo "$best"
}
quiet_echo() { [ -n "$quiet" ] || echo "$1"; }
# update_repo NAME URL FORCE: fetch one repository's catalogue; 0 updated, 1 failed, 2 up to date.
update_repo() {
	site=$(expand_url "$2"); dir="$DBDIR/repos/$1"
	mkdir -p "$dir" || return 1
	tmp=$(mktemp "$dir/.fetch.XXXXXX") || return 1
	if ! fetch_once "$site/meta.conf" "$tmp"; then
		echo "pkg: $site/meta.conf: $FETCH_ERROR" >&2
		quiet_echo "repository $1 has no meta file, using default settings"
	fi
	if ! fetch_once "$site/packagesite.pkg" "$tmp"; then
		echo "pkg: $site/packagesite.pkg: $FETCH_ERROR" >&2
		rm -f "$tmp"; return 1
	fi
	if [ -z "$3" ] && [ -r "$dir/packagesite.tsv" ] && cmp -s "$tmp" "$dir/packagesite.pkg"; then
		rm -f "$tmp"; return 2
	fi
	quiet_echo "Fetching meta.conf: 100%"
	quiet_echo "Fetching packagesite.pkg: 100%"
	if ! tar -xzOf "$tmp" packagesite.tsv > "$dir/packagesite.tsv.new" 2>/dev/null; then
		echo "pkg: $site/packagesite.pkg: not a valid catalogue" >&2
		rm -f "$tmp" "$dir/packagesite.tsv.new"; return 1
	fi
	mv "$tmp" "$dir/packagesite.pkg"; mv "$dir/packagesite.tsv.new" "$dir/packagesite.tsv"
	quiet_echo "Processing entries: 100%"
	quiet_echo "$1 repository update completed. $(grep -c . "$dir/packagesite.tsv") packages processed."
	return 0
}
# update_all FORCE: pkgcli_update() of src/update.c; 0, or 3 (EPKG_FATAL) when a repository failed.
update_all() {
	repos=$(enabled_repositories "$CONF_ROOT" "$only_repo")
	if [ -z "$repos" ]; then
		quiet_echo "No active remote repositories configured."
		return 3
	fi
	total=0 good=0
	while IFS="$TAB" read -r name enabled url mirror sig; do
		total=$((total + 1))
		quiet_echo "Updating $name repository catalogue..."
		update_repo "$name" "$url" "$1"
		case $? in
		0) good=$((good + 1)) ;;
		2) good=$((good + 1)); quiet_echo "$name repository is up to date." ;;
		*) quiet_echo "Unable to update repository $name" ;;
		esac
	done <<REPOS
$repos
REPOS
	if [ "$good" -eq "$total" ]; then quiet_echo "All repositories are up to date."; return 0; fi
	quiet_echo "Error updating repositories!"
	return 3
}

# record_field NAME KEY: a value of an installed package's record (awk: jail roots have no sed)
record_field() { [ -r "$DB/$1" ] && awk -v k="$2=" 'index($0, k) == 1 { print substr($0, length(k) + 1) }' "$DB/$1"; }
installed_version() { record_field "$1" version; }
installed_names() { [ -d "$DB" ] && for f in "$DB"/*; do case $f in *.files|*'*') ;; *) echo "${f##*/}" ;; esac; done; }
field() { echo "$1" | cut -f"$2"; }

# --- packages -----------------------------------------------------------------------------------------------
# register NAME VERSION ORIGIN COMMENT FILELIST: the database record of an installed package.
register() {
	mkdir -p "$DB"; : >> "$LOCALDB"
	mv "$5" "$DB/$1.files"
	{ echo "name=$1"; echo "version=$2"; echo "origin=$3"; echo "comment=$4"; echo "automatic=${auto:-0}"; echo "timestamp=$(date +%s)"; } > "$DB/$1"
}
# extract_package FILE LIST: the package's files into the root, their FreeBSD paths into LIST.
extract_package() {
	members=$(tar -tzf "$1" 2>/dev/null | grep -v '^+') || return 1
	mkdir -p "$R/"
	# shellcheck disable=SC2086
	(set -f; IFS='
'; tar -xzf "$1" -C "$R/" $members) || return 1
	printf '%s\n' "$members" | awk '{ print "/" $0 }' > "$2"
}
manifest_field() { # manifest_field FILE KEY: a string value of the package's +COMPACT_MANIFEST
	tar -xzOf "$1" +COMPACT_MANIFEST 2>/dev/null |
		awk -v k="\"$2\":\"" '{ i = index($0, k); if (i) { s = substr($0, i + length(k)); print substr(s, 1, index(s, "\"") - 1) } }'
}
# install_file FILE: unpack and register a package file (pkg add; install after the fetch).
install_file() {
	n=$(manifest_field "$1" name) v=$(manifest_field "$1" version)
	[ -n "$n" ] || { echo "pkg: $1: not a package" >&2; return 1; }
	[ -n "$(installed_version "$n")" ] && do_remove "$n"
	mkdir -p "$DB"; list="$DB/.$n.files.new"
	extract_package "$1" "$list" || { echo "pkg: $1: extraction failed" >&2; rm -f "$list"; return 1; }
	register "$n" "$v" "$(manifest_field "$1" origin)" "$(manifest_field "$1" comment)" "$list"
}
# fetch_package CATALOGUE-LINE: prints the package file in the cache (fetched unless there with its checksum).
fetch_package() {
	site=$(field "$1" 2) path=$(field "$1" 8) sum=$(field "$1" 9)
	file="$CACHEDIR/${path##*/}"
	mkdir -p "$CACHEDIR"
	if [ -r "$file" ] && [ "$(sha256sum "$file" 2>/dev/null | cut -d' ' -f1)" = "$sum" ]; then echo "$file"; return 0; fi
	fetch_once "$site/$path" "$file.new" || { echo "pkg: $site/$path: $FETCH_ERROR" >&2; return 1; }
	mv "$file.new" "$file"; echo "$file"
}
do_remove() { # do_remove NAME
	if [ -r "$DB/$1.files" ]; then
		while IFS= read -r f; do rm -f "$R$f"; done < "$DB/$1.files"
		rmdir "$R/usr/local/share/doc/$1" 2>/dev/null
	fi
	rm -f "$DB/$1" "$DB/$1.files"
}
yes_or_abort() {
	[ -n "$assume_yes" ] && return 0
	is_yes "${ASSUME_ALWAYS_YES:-}" && return 0
	printf 'Proceed with this action? [y/N]: '
	read -r ans || ans=
	case $ans in [yY]*) return 0 ;; esac
	return 1
}
is_yes() { case $1 in [Yy][Ee][Ss]|[Tt][Rr][Uu][Ee]|[Oo][Nn]|1*) return 0 ;; esac; return 1; }
# install_lines LINES: fetch every package, then install them (install.c: fetch phase, then the jobs).
install_lines() {
	cnt=$(printf '%s' "$1" | grep -c .)
	i=0 files=
	while IFS= read -r line; do
		[ -n "$line" ] || continue
		i=$((i + 1)); n=$(field "$line" 3) v=$(field "$line" 4)
		quiet_echo "[$i/$cnt] Fetching $n-$v.pkg: 100%"
		f=$(fetch_package "$line") || return 1
		files="$files$f
"
	done <<LINES
$1
LINES
	quiet_echo "Checking integrity... done (0 conflicting)"
	i=0
	while IFS= read -r f; do
		[ -n "$f" ] || continue
		i=$((i + 1)); n=$(manifest_field "$f" name) v=$(manifest_field "$f" version) old=$(installed_version "$n")
		if [ -n "$old" ] && [ "$old" != "$v" ]; then quiet_echo "[$i/$cnt] Upgrading $n from $old to $v..."
		else quiet_echo "[$i/$cnt] Installing $n-$v..."; fi
		install_file "$f" || return 1
		quiet_echo "[$i/$cnt] Extracting $n-$v: 100%"
	done <<FILES
$files
FILES
}

case $cmd in
add)
	# add.c: a local package file (the stub's `pkg-static add [-f] FILE`)
	force=
	while getopts AfIMqt opt; do case $opt in f) force=1 ;; q) quiet=1 ;; *) ;; esac; done
	shift $((OPTIND - 1))
	[ $# -ge 1 ] || { echo "Usage: pkg add [-IAfqM] <pkg-name> ..." >&2; exit 1; }
	status=0
	for f in "$@"; do
		[ -r "$f" ] || { echo "pkg: Unable to open $f: No such file or directory" >&2; status=1; continue; }
		n=$(manifest_field "$f" name) v=$(manifest_field "$f" version)
		if [ -z "$force" ] && [ "$(installed_version "$n")" = "$v" ]; then
			echo "the most recent version of $n-$v is already installed"; continue
		fi
		quiet_echo "Installing $n-$v..."
		install_file "$f" || { status=1; continue; }
		quiet_echo "Extracting $n-$v: 100%"
	done
	exit $status ;;
install)
	assume_yes= force= auto= no_update=
	while getopts AfgIiMnqr:RUxyF opt; do case $opt in y) assume_yes=1 ;; q) quiet=1 ;; f) force=1 ;; A) auto=1 ;; r) only_repo=$OPTARG ;; U) no_update=1 ;; *) ;; esac; done
	shift $((OPTIND - 1))
	[ $# -ge 1 ] || { echo "Usage: pkg install [-AfInFqRUy] [-r reponame] <pkg-name> ..." >&2; exit 1; }
	[ -n "$no_update" ] || update_all "" || exit $?
	todo= todo_names= missing=
	for a in "$@"; do
		line=$(repo_line "$a") || { echo "pkg: No packages available to install matching '$a' have been found in the repositories" >&2; missing=1; continue; }
		n=$(field "$line" 3)
		deps=$(field "$line" 7)
		for d in $(echo "$deps" | tr , ' ') $n; do
			l2=$(repo_line "$d") || continue
			nn=$(field "$l2" 3); vv=$(field "$l2" 4)
			iv=$(installed_version "$nn")
			[ "$nn" = "$n" ] && { l2=$line; vv=$(field "$line" 4); }
			if [ -n "$iv" ] && [ -z "$force" ] && { [ "$nn" != "$n" ] || [ "$iv" = "$vv" ] || [ "$a" = "$n" ]; }; then continue; fi
			case " $todo_names " in *" $nn "*) continue ;; esac
			todo_names="$todo_names $nn"
			todo="$todo$l2
"
		done
	done
	[ -n "$missing" ] && exit 1
	if [ -z "$todo" ]; then
		quiet_echo "The most recent versions of packages are already installed"
		exit 0
	fi
	cnt=$(printf '%s' "$todo" | grep -c .)
	if [ -z "$quiet" ]; then
		echo "The following $cnt package(s) will be affected (of 0 checked):"
		echo
		echo "New packages to be INSTALLED:"
		printf '%s' "$todo" | while IFS="$TAB" read -r r s n v rest; do printf '\t%s: %s\n' "$n" "$v"; done
		echo
		echo "Number of packages to be installed: $cnt"
		echo
	fi
	yes_or_abort || exit 1
	install_lines "$todo" || exit 1
	exit 0 ;;
delete|remove)
	# delete.c: no database, nothing to delete
	has_db || { echo "pkg: No packages installed.  Nothing to do!" >&2; exit 0; }
	assume_yes= quiet= all=
	while getopts aCDfgnqRxy opt; do case $opt in y) assume_yes=1 ;; q) quiet=1 ;; a) all=1 ;; *) ;; esac; done
	shift $((OPTIND - 1))
	[ -n "$all" ] && set -- $(installed_names)
	todo= status=0
	for a in "$@"; do
		found=
		for n in $(installed_names); do
			v=$(installed_version "$n")
			case "$n" in $a) found=1 ;; esac
			[ "$n-$v" = "$a" ] && found=1
			[ -n "$found" ] && { case " $todo " in *" $n "*) ;; *) todo="$todo $n" ;; esac; break; }
		done
		[ -n "$found" ] || { echo "No packages matched for pattern '$a'"; echo; status=1; }
	done
	[ -n "$quiet" ] || echo "Checking integrity... done (0 conflicting)"
	if [ -z "$todo" ]; then [ -n "$quiet" ] || echo "Nothing to do."; exit $status; fi
	set -- $todo; cnt=$#
	if [ -z "$quiet" ]; then
		echo "Deinstallation has been requested for the following $cnt packages (of 0 packages in the universe):"
		echo
		echo "Installed packages to be REMOVED:"
		for n in $todo; do printf '\t%s: %s\n' "$n" "$(installed_version "$n")"; done
		echo
		echo "Number of packages to be removed: $cnt"
	fi
	yes_or_abort || exit 1
	i=0
	for n in $todo; do
		i=$((i + 1)); v=$(installed_version "$n")
		[ -n "$quiet" ] || echo "[$i/$cnt] Deinstalling $n-$v..."
		[ -n "$quiet" ] || echo "[$i/$cnt] Deleting files for $n-$v: 100%"
		do_remove "$n"
	done
	exit 0 ;;
upgrade)
	assume_yes= no_update= dry=
	while getopts fFInqr:Uvyx opt; do case $opt in y) assume_yes=1 ;; q) quiet=1 ;; n) dry=1 ;; r) only_repo=$OPTARG ;; U) no_update=1 ;; *) ;; esac; done
	shift $((OPTIND - 1))
	[ -n "$no_update" ] || update_all "" || exit $?
	names=${*:-$(installed_names)}
	todo=
	for n in $names; do
		iv=$(installed_version "$n")
		[ -n "$iv" ] || { echo "pkg: No packages available to upgrade matching '$n' have been found in the repositories" >&2; exit 1; }
		line=$(repo_line "$n") || continue
		[ "$(vercmp "$iv" "$(field "$line" 4)")" = "<" ] && todo="$todo$line
"
	done
	if [ -z "$todo" ]; then quiet_echo "Your packages are up to date."; exit 0; fi
	cnt=$(printf '%s' "$todo" | grep -c .)
	if [ -z "$quiet" ]; then
		echo "Checking for upgrades ($cnt candidates): 100%"
		echo "Processing candidates ($cnt candidates): 100%"
		echo "The following $cnt package(s) will be affected (of 0 checked):"
		echo
		echo "Installed packages to be UPGRADED:"
		printf '%s' "$todo" | while IFS="$TAB" read -r r s n v rest; do printf '\t%s: %s -> %s\n' "$n" "$(installed_version "$n")" "$v"; done
		echo
		echo "Number of packages to be upgraded: $cnt"
		echo
	fi
	[ -n "$dry" ] && exit 1
	yes_or_abort || exit 1
	install_lines "$todo" || exit 1
	exit 0 ;;
info)
	e= q= E= a=
	while getopts aACdDeEfgiIklLmoOpqrRsx opt; do case $opt in e) e=1 ;; q) q=1 ;; E) E=1 ;; a) a=1 ;; *) ;; esac; done
	shift $((OPTIND - 1))
	if ! has_db; then
		# info.c: no database is an empty one; MATCH_ALL succeeds, a pattern fails
		[ $# -eq 0 ] && exit 0
		[ -n "$q" ] || echo "pkg: No packages installed" >&2
		exit 1
	fi
	if [ $# -eq 0 ]; then
		for n in $(installed_names); do
			if [ -n "$q" ]; then echo "$n-$(installed_version "$n")"
			else printf '%-33s %s\n' "$n-$(installed_version "$n")" "$(record_field "$n" comment)"; fi
		done
		exit 0
	fi
	status=0
	for a in "$@"; do
		hit=
		for n in $(installed_names); do
			v=$(installed_version "$n")
			case "$n" in $a) hit=$n ;; esac
			[ "$n-$v" = "$a" ] && hit=$n
			[ -n "$hit" ] && break
		done
		if [ -z "$hit" ]; then
			[ -n "$e$q" ] || echo "pkg: No package(s) matching $a" >&2
			status=1; continue
		fi
		[ -n "$e" ] && continue
		v=$(installed_version "$hit")
		if [ -n "$q$E" ]; then echo "$hit-$v"; continue; fi
		echo "$hit-$v"
		printf '%-16s: %s\n' Name "$hit" Version "$v" Origin "$(record_field "$hit" origin)" Architecture "FreeBSD:14:amd64" Prefix /usr/local Repository "FreeBSD [pkg+https://pkg.FreeBSD.org/\${ABI}/quarterly]" Comment "$(record_field "$hit" comment)" Annotations "" Flat size "1.00KiB"
	done
	exit $status ;;
query)
	# query.c: usage is EX_USAGE (64); no database: warning, EX_OK; nothing matched: EX_UNAVAILABLE (69)
	a=
	while getopts aCe:F:gix opt; do case $opt in a) a=1 ;; '?') usage_query ;; *) ;; esac; done
	shift $((OPTIND - 1))
	[ $# -ge 1 ] || usage_query
	fmt=$1; shift
	if [ $# -eq 0 ]; then a=1; elif [ -n "$a" ]; then usage_query; fi
	bad=$(printf '%s' "$fmt" | awk '{ gsub(/%%/, ""); while (match($0, /%./)) { c = substr($0, RSTART, 2); if (c !~ /^%[nvocakRqt]$/) { print c; exit } $0 = substr($0, RSTART + 2) } }')
	[ -z "$bad" ] || { echo "Unknown query format key: '$bad'" >&2; exit 64; }
	if ! has_db; then echo "pkg: No packages installed" >&2; exit 0; fi
	[ -n "$a" ] && set -- $(installed_names)
	printed=0
	for p in "$@"; do
		[ -r "$DB/$p" ] || continue
		printed=$((printed + 1))
		format_query "$fmt" "$p"
	done
	[ -n "$a" ] || [ "$printed" -gt 0 ] || exit 69
	exit 0 ;;
version)
	v= l= L=
	while getopts IPRUnoqvl:L:e:g:x:O: opt; do case $opt in v) v=1 ;; l) l=$OPTARG ;; L) L=$OPTARG ;; *) ;; esac; done
	for n in $(installed_names); do
		iv=$(installed_version "$n")
		line=$(repo_line "$n")
		if [ -z "$line" ]; then c='?' rv=; else rv=$(field "$line" 4); c=$(vercmp "$iv" "$rv"); fi
		[ -n "$l" ] && [ "$c" != "$l" ] && continue
		[ -n "$L" ] && [ "$c" = "$L" ] && continue
		if [ -n "$v" ]; then
			case $c in
			'<') printf '%-34s %s   needs updating (remote has %s)\n' "$n-$iv" "$c" "$rv" ;;
			'=') printf '%-34s %s   up-to-date with remote\n' "$n-$iv" "$c" ;;
			'>') printf '%-34s %s   succeeds remote (remote has %s)\n' "$n-$iv" "$c" "$rv" ;;
			*) printf '%-34s %s   orphaned: %s\n' "$n-$iv" "$c" "$(record_field "$n" origin)" ;;
			esac
		else
			printf '%-34s %s\n' "$n-$iv" "$c"
		fi
	done
	exit 0 ;;
update)
	# update.c: EXIT_SUCCESS, or EXIT_FAILURE when a repository could not be updated
	force=
	while getopts fqr: opt; do case $opt in f) force=1 ;; q) quiet=1 ;; r) only_repo=$OPTARG ;; *) ;; esac; done
	update_all "$force" || exit 1
	exit 0 ;;
search)
	update_all "" >/dev/null 2>&1
	catalogues | while IFS="$TAB" read -r name site f; do
		awk -F'\t' -v p="$1" 'index($1, p) { printf "%-33s %s\n", $1 "-" $2, $4 }' "$f"
	done
	exit 0 ;;
-*|help) usage ;;
*)
	echo "pkg: unknown command: $cmd" >&2; usage ;;
esac
