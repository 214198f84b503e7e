// The wizard: pure TUI logic (state, update, view). Being written.
