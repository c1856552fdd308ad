#!/bin/sh
echo '["web1"]'
