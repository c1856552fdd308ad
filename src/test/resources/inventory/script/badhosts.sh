#!/bin/sh
echo '{"web": {"hosts": "web1"}}'
