#!/bin/sh
# Test exec plugin: prints an ExecCredential with the token given as $1, in the apiVersion
# the caller asked for through KUBERNETES_EXEC_INFO.
version=$(printf '%s' "$KUBERNETES_EXEC_INFO" | sed -n 's/.*"apiVersion":"\([^"]*\)".*/\1/p')
printf '{"apiVersion":"%s","kind":"ExecCredential","status":{"token":"%s"}}\n' "$version" "$1"
