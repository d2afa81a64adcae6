"""The MkDocs side of quizkit: the plugin, its options, the stash and the macros."""
