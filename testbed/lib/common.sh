# Shared by testbed/up, testbed/down and testbed/status (bash; sourced, not run).
#
# Everything a testbed starts is recorded under its DIR, so `down` and `status` need nothing but DIR:
#   DIR/slot                  this testbed's slot S: bridge jtbS, subnet 198.18.S.0/24, netns jtbS-NAME
#   DIR/id_ed25519[.pub]      the controller's key (root's authorized key on every host)
#   DIR/known_hosts           every host's ed25519 host key, by address
#   DIR/inventory.yaml        Ansible YAML inventory of the running hosts
#   DIR/mirror.pid|log        the release mirror's HTTP server
#   DIR/etc-base              the machine's /etc as copied by the first `up`, the lower layer of every host's /etc
#   DIR/hosts/NAME/addr       the host's address; .../pid "PID STARTTIME" of its namespace leader
#   DIR/hosts/NAME/fs         the host's root filesystem; .../usr-local its /usr/local; .../console.log
#   DIR/hosts/NAME/etc-upper  the host's changes to its /etc (overlay upper layer)
# Slots are registered machine-wide in /run/jprov-testbed/slots/S (content: DIR) so that several testbeds
# (a demo and a test run) can be up at once without sharing addresses.

TESTBED_HOME=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
REPO_HOME=$(cd "$TESTBED_HOME/.." && pwd)
SLOT_REGISTRY=/run/jprov-testbed/slots
MIRROR_PORT=80

die() { echo "testbed: $*" >&2; exit 1; }
say() { echo "testbed: $*" >&2; }

require_root() {
    [ "$(id -u)" = 0 ] || die "must run as root (network and mount namespaces)"
}

# parse_dir ARGS... : sets DIR (absolute) and leaves the other arguments in ARGS (array)
parse_dir() {
    DIR=$REPO_HOME/build/testbed
    ARGS=()
    while [ $# -gt 0 ]; do
        case $1 in
            --dir) [ $# -ge 2 ] || die "--dir needs a directory"; DIR=$2; shift 2 ;;
            --dir=*) DIR=${1#--dir=}; shift ;;
            *) ARGS+=("$1"); shift ;;
        esac
    done
    mkdir -p "$DIR"
    DIR=$(cd "$DIR" && pwd)
}

# lock_dir: one up/down at a time per DIR (the lock goes with the process)
lock_dir() {
    exec 9> "$DIR/.lock"
    flock -w 300 9 || die "another testbed/up or down holds $DIR/.lock"
}

# slot_of_dir: prints DIR's slot, allocating and registering one if needed (mkdir is the atomic claim)
slot_of_dir() {
    mkdir -p "$SLOT_REGISTRY"
    if [ -s "$DIR/slot" ]; then
        local s; s=$(cat "$DIR/slot")
        if [ ! -e "$SLOT_REGISTRY/$s" ]; then
            mkdir "$SLOT_REGISTRY/$s" 2>/dev/null && echo "$DIR" > "$SLOT_REGISTRY/$s/dir"
        fi
        [ "$(cat "$SLOT_REGISTRY/$s/dir" 2>/dev/null)" = "$DIR" ] \
            || die "slot $s of $DIR is taken by $(cat "$SLOT_REGISTRY/$s/dir" 2>/dev/null); run testbed/down for it"
        echo "$s"; return
    fi
    local s
    for s in $(seq 0 255); do
        if mkdir "$SLOT_REGISTRY/$s" 2>/dev/null; then
            echo "$DIR" > "$SLOT_REGISTRY/$s/dir"
            echo "$s" > "$DIR/slot"
            echo "$s"; return
        fi
    done
    die "all 256 testbed slots are in use (see $SLOT_REGISTRY)"
}

bridge_name() { echo "jtb$1"; }            # bridge_name SLOT
controller_addr() { echo "198.18.$1.1"; }  # controller_addr SLOT: the bridge's address, also the mirror's
netns_name() { echo "jtb$1-$2"; }          # netns_name SLOT NAME
veth_name() { echo "jtb$1v$2"; }           # veth_name SLOT HOSTNUMBER (<= 15 characters)

# proc_starttime PID: field 22 of /proc/PID/stat, to tell our process from a later one that got the same pid
proc_starttime() {
    local stat
    stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
    stat=${stat##*) }
    set -- $stat
    echo "${20}"
}

# alive PIDFILE: true when the process recorded in PIDFILE ("PID STARTTIME") still runs
alive() {
    [ -s "$1" ] || return 1
    local pid start now
    read -r pid start < "$1"
    now=$(proc_starttime "$pid") || return 1
    [ "$now" = "$start" ]
}

# sshd_answers ADDRESS: true when something accepts a TCP connection on ADDRESS port 22 within a second
sshd_answers() {
    timeout 1 bash -c 'exec 3<>"/dev/tcp/$1/22"' _ "$1" 2>/dev/null
}

record_pid() {   # record_pid PID PIDFILE
    local start
    start=$(proc_starttime "$1") || return 1
    echo "$1 $start" > "$2"
}

host_names() {   # the hosts this DIR knows, sorted
    [ -d "$DIR/hosts" ] || return 0
    local d
    for d in "$DIR"/hosts/*/; do
        [ -d "$d" ] && basename "$d"
    done | sort
}

valid_name() {
    [[ $1 =~ ^[a-z0-9]([a-z0-9-]{0,30}[a-z0-9])?$ ]]
}

# write_inventory SLOT: DIR/known_hosts and DIR/inventory.yaml describe every running host of DIR
write_inventory() {
    local ctl name hd type key
    ctl=$(controller_addr "$1")
    {
        for name in $(host_names); do
            hd=$DIR/hosts/$name
            alive "$hd/pid" || continue
            read -r type key _ < "$hd/etc-upper/ssh/ssh_host_ed25519_key.pub"
            echo "$(cat "$hd/addr") $type $key $name"
        done
    } > "$DIR/known_hosts.new"
    mv "$DIR/known_hosts.new" "$DIR/known_hosts"

    {
        # Every connection variable is set per host: used as a second inventory (-i hosts.yaml -i this file),
        # host variables win over the other inventory's group variables, so the names land on these hosts.
        echo "# Written by testbed/up: the simulated FreeBSD hosts of the testbed in $DIR."
        echo "all:"
        echo "  hosts:"
        for name in $(host_names); do
            alive "$DIR/hosts/$name/pid" || continue
            echo "    $name:"
            echo "      ansible_host: $(cat "$DIR/hosts/$name/addr")"
            echo "      ansible_port: 22"
            echo "      ansible_user: root"
            echo "      ansible_ssh_private_key_file: $DIR/id_ed25519"
            echo "      ansible_ssh_common_args: '-o UserKnownHostsFile=$DIR/known_hosts -o StrictHostKeyChecking=yes'"
            echo "      ansible_python_interpreter: /usr/bin/python3"
            echo "      freebsd_mirror: http://$ctl"
        done
    } > "$DIR/inventory.yaml.new"
    mv "$DIR/inventory.yaml.new" "$DIR/inventory.yaml"
}
