#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Records botocore's SigV4 output (header signing) for the requests Orrery's EKS discovery
# sends, into botocore-header.json, for tests/core/tst_sigv4.cpp. Run: python3 record.py
import datetime
import json
from unittest import mock

import botocore
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

TIME = datetime.datetime(2026, 12, 7, 10, 30, 0)
CASES = [
    # name, method, host, path, query (list of pairs), body, service, region, token
    ("eks-list-clusters", "GET", "eks.eu-west-1.amazonaws.com", "/clusters",
     [("maxResults", "100"), ("nextToken", "a+b/c=d e~")], "", "eks", "eu-west-1", "FwoG/Ex+ample="),
    ("eks-describe-cluster", "GET", "eks.us-east-1.amazonaws.com", "/clusters/devops-ppp",
     [], "", "eks", "us-east-1", ""),
    ("sts-post-form", "POST", "sts.amazonaws.com", "/",
     [], "Action=GetCallerIdentity&Version=2011-06-15", "sts", "us-east-1", "session/token"),
]

out = []
for name, method, host, path, query, body, service, region, token in CASES:
    creds = Credentials("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                        token or None)
    headers = {"Host": host}
    if body:
        headers["Content-Type"] = "application/x-www-form-urlencoded; charset=utf-8"
    req = AWSRequest(method=method, url="https://" + host + path, params=dict(query), data=body,
                     headers=headers)
    seen = {}

    class Recording(SigV4Auth):
        def string_to_sign(self, request, canonical_request):
            seen["canonical"] = canonical_request
            seen["sts"] = super().string_to_sign(request, canonical_request)
            return seen["sts"]

    with mock.patch("botocore.auth.get_current_datetime", return_value=TIME):
        Recording(creds, service, region).add_auth(req)
    canonical, sts = seen["canonical"], seen["sts"]
    out.append({
        "name": name, "method": method, "host": host, "path": path,
        "query": [list(p) for p in query], "body": body, "service": service, "region": region,
        "time": TIME.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "access_key_id": creds.access_key, "secret_access_key": creds.secret_key,
        "session_token": token,
        "headers": [[k, v] for k, v in headers.items()],
        "canonical_request": canonical, "string_to_sign": sts,
        "authorization": req.headers["Authorization"],
    })
with open("botocore-header.json", "w") as f:
    json.dump({"botocore": botocore.__version__, "cases": out}, f, indent=2, ensure_ascii=False)
    f.write("\n")
