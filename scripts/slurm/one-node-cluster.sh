#!/bin/bash
# Starts a one-node Slurm cluster on this machine for `npm run test:slurm` (root; Debian 12's
# slurm-wlm 22.05 and munge). Config, state and logs go to ${ZWL_SLURM_DIR:-/tmp/zwl-slurm};
# export SLURM_CONF=$ZWL_SLURM_DIR/slurm.conf in the shell that runs the test.
#
#   apt-get install -y --no-install-recommends slurmctld slurmd slurm-client munge
#   scripts/slurm/one-node-cluster.sh start      # or: stop
set -euo pipefail

DIR=${ZWL_SLURM_DIR:-/tmp/zwl-slurm}
CONF=$DIR/slurm.conf
HOST=$(hostname -s)
CPUS=$(nproc)

stop() {
  for pidfile in "$DIR/slurmd.pid" "$DIR/slurmctld.pid"; do
    [[ -f $pidfile ]] && kill "$(cat "$pidfile")" 2>/dev/null || true
  done
}

if [[ ${1:-start} == stop ]]; then
  stop
  exit 0
fi

mkdir -p "$DIR/state" "$DIR/spool"
cat >"$CONF" <<CONF
ClusterName=zwl
SlurmctldHost=$HOST
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
StateSaveLocation=$DIR/state
SlurmdSpoolDir=$DIR/spool
SlurmctldPidFile=$DIR/slurmctld.pid
SlurmdPidFile=$DIR/slurmd.pid
SlurmctldPort=16817
SlurmdPort=16818
# No cgroups in a container: plain process tracking, no task binding, no accounting.
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
MpiDefault=none
SlurmctldLogFile=$DIR/slurmctld.log
SlurmdLogFile=$DIR/slurmd.log
NodeName=$HOST CPUs=$CPUS State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF

# A munged that answers is enough (a process list may still show a dead one).
if ! munge -n >/dev/null 2>&1; then
  mkdir -p /run/munge && chown munge:munge /run/munge
  su -s /bin/sh munge -c /usr/sbin/munged
fi
stop
/usr/sbin/slurmctld -f "$CONF"
/usr/sbin/slurmd -f "$CONF"
for _ in $(seq 30); do
  if SLURM_CONF=$CONF sinfo -h -o %t 2>/dev/null | grep -qx idle; then
    echo "one-node Slurm cluster up: export SLURM_CONF=$CONF"
    exit 0
  fi
  sleep 1
done
echo "slurm did not come up; see $DIR/slurmctld.log and $DIR/slurmd.log" >&2
exit 1
