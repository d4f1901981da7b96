"""Data files shipped with kgbuild: gazetteers, aliases and role lexicons."""
