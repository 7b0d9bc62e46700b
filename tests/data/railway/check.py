#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Judge of Orrery's Railway GraphQL traffic against Railway's published schema.

Reads a JSON list of cases on stdin, each {"query": "...", "operationName": "...",
optionally "variables": {...} and "data": {...}} and prints one line per problem found (no
output: everything is valid). Uses Debian's python3-graphql-core (scripts/deps.sh):

  - the document must parse and validate against schema-part.graphql (the part of railwayapp/cli
    src/gql/schema.json that Orrery uses; see README.md);
  - the variables must match the operation's variable definitions (required ones present);
  - "data", when given, must have the shape the selection set asks of the schema's types:
    every selected field present, non-null fields never null, lists as lists, Int/Float/
    Boolean/String/ID scalars of the right JSON kind, enum values among the schema's.
"""
import json
import os
import sys

from graphql import build_ast_schema, parse, validate
from graphql.language import ast
from graphql.type import (GraphQLEnumType, GraphQLInterfaceType, GraphQLList, GraphQLNonNull,
                          GraphQLObjectType, GraphQLScalarType)

HERE = os.path.dirname(os.path.abspath(__file__))


def enum_names(t):
    values = t.values
    if isinstance(values, dict):
        return set(values.keys())
    return set(v.name for v in values)


def check_value(value, gtype, selection_set, path, problems):
    if isinstance(gtype, GraphQLNonNull):
        if value is None:
            problems.append("%s: null for non-null %s" % (path, gtype))
            return
        gtype = gtype.of_type
    if value is None:
        return
    if isinstance(gtype, GraphQLList):
        if not isinstance(value, list):
            problems.append("%s: %r is not a list (%s)" % (path, type(value).__name__, gtype))
            return
        for i, item in enumerate(value):
            check_value(item, gtype.of_type, selection_set, "%s[%d]" % (path, i), problems)
        return
    if isinstance(gtype, (GraphQLObjectType, GraphQLInterfaceType)):
        if not isinstance(value, dict):
            problems.append("%s: %r is not an object (%s)" % (path, type(value).__name__, gtype))
            return
        check_selection(value, gtype, selection_set, path, problems)
        return
    if isinstance(gtype, GraphQLEnumType):
        if value not in enum_names(gtype):
            problems.append("%s: %r is not a value of enum %s" % (path, value, gtype.name))
        return
    if isinstance(gtype, GraphQLScalarType):
        name = gtype.name
        ok = True
        if name == "Int":
            ok = isinstance(value, int) and not isinstance(value, bool)
        elif name == "Float":
            ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        elif name == "Boolean":
            ok = isinstance(value, bool)
        elif name in ("String", "ID", "DateTime"):
            ok = isinstance(value, str)
        if not ok:
            problems.append("%s: %r is not a %s" % (path, value, name))


def check_selection(value, gtype, selection_set, path, problems):
    for sel in selection_set.selections:
        if not isinstance(sel, ast.Field):
            problems.append("%s: only fields are checked" % path)
            continue
        name = sel.name.value
        key = sel.alias.value if sel.alias else name
        if name == "__typename":
            continue
        if key not in value:
            problems.append("%s.%s: missing" % (path, key))
            continue
        field = gtype.fields.get(name)
        if field is None:
            problems.append("%s.%s: not a field of %s" % (path, key, gtype.name))
            continue
        check_value(value[key], field.type, sel.selection_set, "%s.%s" % (path, key), problems)


def main():
    schema = build_ast_schema(parse(open(os.path.join(HERE, "schema-part.graphql")).read()))
    cases = json.load(sys.stdin)
    problems = []
    for case in cases:
        label = case.get("operationName") or "(anonymous)"
        try:
            document = parse(case["query"])
        except Exception as e:  # the parser's own message
            problems.append("%s: does not parse: %s" % (label, e))
            continue
        for error in validate(schema, document):
            problems.append("%s: %s" % (label, error.message))
        operations = [d for d in document.definitions if isinstance(d, ast.OperationDefinition)]
        if len(operations) != 1:
            problems.append("%s: %d operations in the document" % (label, len(operations)))
            continue
        op = operations[0]
        if case.get("operationName") and (op.name is None or op.name.value != case["operationName"]):
            problems.append("%s: the operation is named %s" % (label, op.name.value if op.name else None))
        variables = case.get("variables")
        if variables is not None:
            defined = {}
            for d in op.variable_definitions or []:
                defined[d.variable.name.value] = d
            for name in variables:
                if name not in defined:
                    problems.append("%s: variable $%s is not defined" % (label, name))
            for name, d in defined.items():
                if isinstance(d.type, ast.NonNullType) and variables.get(name) is None:
                    problems.append("%s: required variable $%s is missing" % (label, name))
        if "data" in case:
            root = schema.get_mutation_type() if op.operation == "mutation" else schema.get_query_type()
            data = case["data"]
            if not isinstance(data, dict):
                problems.append("%s: data is not an object" % label)
            else:
                check_selection(data, root, op.selection_set, label, problems)
    for p in problems:
        print(p)


if __name__ == "__main__":
    main()
