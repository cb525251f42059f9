# Sourced by the bench scripts (from the project folder): the README's command for the packaged jar ("Run the packaged
# jar"), read from README.md, so the smoke test and the benchmarks run what a user is told to run rather than copies of
# its JVM settings that drift apart when one of them changes.
#   README_RUN               the command as written (its trailing comment cut off)
#   README_JVM_OPTS          its JVM options, without the class archive (each script chooses that itself)
#   README_MALLOC_ARENA_MAX  the MALLOC_ARENA_MAX it sets (empty if none)
README_RUN=$(grep -m1 -E '^(MALLOC_ARENA_MAX=[0-9]+ )?java .*-jar target/quorum\.jar' README.md | sed 's/ *#.*$//')
if [ -z "$README_RUN" ]; then
  echo "README.md has no command for the packaged jar ('java ... -jar target/quorum.jar' at the start of a line)" >&2
  exit 1
fi
README_JVM_OPTS=$(sed -E 's/^(MALLOC_ARENA_MAX=[0-9]+ )?java //; s/ -jar target\/quorum\.jar.*$//; s/-XX:SharedArchiveFile=[^ ]+ ?//' <<< "$README_RUN")
README_MALLOC_ARENA_MAX=$(sed -nE 's/^MALLOC_ARENA_MAX=([0-9]+) .*/\1/p' <<< "$README_RUN")
