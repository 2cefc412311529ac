"""Tools shipped with the bot: the Bot API emulator, play mode and the benchmarks."""
