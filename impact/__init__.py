"""The office's effect in numbers, without watching anyone: the counsellors' conversation
tally ("Gespräch erfassen"), kept for a few years and then deleted."""
