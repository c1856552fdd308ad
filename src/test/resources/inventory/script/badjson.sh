#!/bin/sh
echo "not json"
echo "a warning on stderr" >&2
