#!/bin/bash
# Slurm job array: annotates a crawl in N shards, one array task per shard, all writing into one
# shared --out folder (unit files are named by what they cover, so shards never collide).
#
#   cd zhengwen-lens && sbatch --array=1-16 scripts/slurm/annotate-array.sh /data/crawl-list.txt /data/annotated
#
# The list holds one input per line (WARC/WARC.gz archives, page files or folders). A task that
# dies (time limit, preemption) is simply resubmitted: --resume keeps the units it finished.
# Build the CLI once before submitting: npm run build:cli (writes dist/cli/).
#SBATCH --job-name=zwl-annotate
#SBATCH --cpus-per-task=8
#SBATCH --mem=8G
#SBATCH --time=12:00:00
#SBATCH --output=zwl-annotate-%A_%a.log
set -euo pipefail

LIST=${1:?usage: sbatch --array=1-N annotate-array.sh LIST OUT_DIR}
OUT=${2:?usage: sbatch --array=1-N annotate-array.sh LIST OUT_DIR}
K=${SLURM_ARRAY_TASK_ID:?run under sbatch --array}
N=${SLURM_ARRAY_TASK_COUNT:?run under sbatch --array}
# sbatch runs a spooled copy of this script, so $0 says nothing: the repository is where sbatch
# was run (or ZWL_REPO).
REPO=${ZWL_REPO:-${SLURM_SUBMIT_DIR:?submit from the repository folder, or set ZWL_REPO}}

cd "$REPO"
exec node dist/cli/annotate.js \
  --files-from "$LIST" --shard "$K/$N" --jobs "${SLURM_CPUS_PER_TASK:-1}" \
  --out "$OUT" --resume --no-progress
