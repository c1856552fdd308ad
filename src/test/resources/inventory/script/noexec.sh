#!/bin/sh
echo '{"web": ["web1"]}'
