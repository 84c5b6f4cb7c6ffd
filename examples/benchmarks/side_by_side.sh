#!/usr/bin/env bash
# mtl4j and its PyTorch twins side by side (docs/speed-vs-pytorch.md): each workload's Java program,
# then at once its PyTorch script, one at a time, with the load average before and after each pair.
#
#   examples/benchmarks/side_by_side.sh [workload...]      (all of them when none is named)
#   workloads: article256 article1024 income income-mmoe text-cnn text-lstm minilm
#   environment: THREADS (1: OMP_NUM_THREADS for the JVM, torch.set_num_threads for PyTorch),
#                REPS (3, timed repetitions after a warm-up; medians are reported), PYTHON (/usr/bin/python3),
#                CLOCK (wall, or cpu: samples per CPU-second of the training thread on both sides, which a
#                shared, loaded machine disturbs far less; meant for THREADS=1, where every operation of
#                both runs on that thread), BENCH_CLASSES (examples/programs/target)
#
# Run from the repository root after `mvn -B -o -pl examples/programs -am package -DskipTests`, with
# a PyTorch on OpenBLAS-openmp (the PyTorch side is void otherwise; see the doc).
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
threads="${THREADS:-1}"
reps="${REPS:-3}"
clock="${CLOCK:-wall}"
java_clock=(); torch_clock=()
if [ "$clock" = cpu ]; then java_clock=(--cpu-clock); torch_clock=(--cpu-clock); fi
python="${PYTHON:-/usr/bin/python3}"
# BENCH_CLASSES: a copy of examples/programs/target's lib and classes folders, so that a build running
# meanwhile (mvn verify rewrites target/lib) cannot change the programs under a run
classes="${BENCH_CLASSES:-examples/programs/target}"
classpath="$classes/lib/*:$classes/classes"
# mtl4j runs one native thread unless OMP_NUM_THREADS is set; set, ND4J, its OpenBLAS and libnd4j's
# OpenMP pool all use it, as torch.set_num_threads does for PyTorch and its OpenBLAS-openmp.
export OMP_NUM_THREADS="$threads"
# PyTorch's OpenBLAS 0.3.21 misdetects recent CPUs as well (on this Xeon with AVX-512 BF16 it runs
# Prescott, the generic SSE3 kernel: 15 against 79 GFLOP per CPU-second on a 1024 GEMM). Both sides
# get the kernel mtl4j's BlasKernel names (the same rule), unless OPENBLAS_CORETYPE is set already.
if [ -z "${OPENBLAS_CORETYPE:-}" ]; then
  flags=$(grep -m1 '^flags' /proc/cpuinfo)
  case "$flags" in
    *avx512_bf16*) export OPENBLAS_CORETYPE=Cooperlake ;;
    *avx512f*) export OPENBLAS_CORETYPE=SkylakeX ;;
    *avx2*) export OPENBLAS_CORETYPE=Haswell ;;
  esac
fi

load() { cut -d' ' -f1-3 /proc/loadavg; }
java_run() { java -cp "$classpath" "$@" 2>&1 | grep --line-buffered -v -E '^\s+at |WARN|INFO|^SLF4J'; }
torch_run() { "$python" "$@" 2>&1; }
pair() {
  local name="$1"
  echo "=== $name: threads $threads, reps $reps, clock $clock, $(date -u +%H:%M:%S) UTC, load before $(load)"
  shift
  "$@"
  echo "=== $name: load after $(load), $(date -u +%H:%M:%S) UTC"
  echo
}

article() {
  java_run dev.mtl4j.examples.bench.SpeedBenchmark --hidden "$1" --batch "$1" --rows 65536 --epochs "$2" --reps "$reps" \
    --only mtl4j --no-torch "${java_clock[@]}"
  torch_run examples/benchmarks/pytorch_article_model.py --hidden "$1" --batch "$1" --rows 65536 --epochs "$2" \
    --reps "$reps" --threads "$threads" "${torch_clock[@]}"
}
article256() { article 256 3; }
article1024() { article 1024 1; }
income() {
  java_run dev.mtl4j.examples.bench.SpeedBenchmark --pipeline examples/pipelines/income.yaml --epochs 5 --reps "$reps" "${java_clock[@]}"
  torch_run examples/benchmarks/pytorch_income_model.py --epochs 5 --reps "$reps" --threads "$threads" "${torch_clock[@]}"
}
income_mmoe() {
  java_run dev.mtl4j.examples.bench.SpeedBenchmark --pipeline examples/pipelines/income-mmoe.yaml --epochs 5 --reps "$reps" "${java_clock[@]}"
  torch_run examples/benchmarks/pytorch_income_model.py --sharing mmoe --experts 4 --epochs 5 --reps "$reps" \
    --threads "$threads" "${torch_clock[@]}"
}
text_cnn() {
  java_run dev.mtl4j.examples.bench.SpeedBenchmark --pipeline examples/pipelines/fine-food-cnn.yaml --epochs 1 --reps "$reps" "${java_clock[@]}"
  torch_run examples/benchmarks/pytorch_text_model.py --body cnn --epochs 1 --reps "$reps" --threads "$threads" "${torch_clock[@]}"
}
text_lstm() {
  java_run dev.mtl4j.examples.bench.SpeedBenchmark --pipeline examples/pipelines/fine-food-lstm.yaml --epochs 1 --reps "$reps" "${java_clock[@]}"
  torch_run examples/benchmarks/pytorch_text_model.py --body lstm --epochs 1 --reps "$reps" --threads "$threads" "${torch_clock[@]}"
}
minilm() {
  java_run dev.mtl4j.examples.text.TransformerThroughput 32 128 "$reps" full:6,lora:6 "$clock"
  torch_run examples/benchmarks/pytorch_minilm.py --batch 32 --length 128 --reps "$reps" --tuning full --threads "$threads" "${torch_clock[@]}"
  torch_run examples/benchmarks/pytorch_minilm.py --batch 32 --length 128 --reps "$reps" --tuning lora --threads "$threads" "${torch_clock[@]}"
}

workloads=("$@")
[ ${#workloads[@]} -eq 0 ] && workloads=(article256 article1024 income income-mmoe text-cnn text-lstm minilm)
echo "side by side: $(nproc --all) cores, $(uname -m), $(java -version 2>&1 | head -1), torch $("$python" -c 'import torch; print(torch.__version__)' 2>&1)"
echo "BLAS: $(readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3), OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-(unset)}"
for w in "${workloads[@]}"; do
  case "$w" in
    article256|article1024|income|minilm) pair "$w" "$w" ;;
    income-mmoe) pair "$w" income_mmoe ;;
    text-cnn) pair "$w" text_cnn ;;
    text-lstm) pair "$w" text_lstm ;;
    *) echo "unknown workload '$w'" >&2; exit 2 ;;
  esac
done
