#!/usr/bin/env python3
"""Seed our server (mechanics) through its API for the load benchmark.
usage: seed-api.py BASE_URL auth|customers|workorders|lines [N] [THREADS]
  auth: sign up the organization "Bench Auto" (once) and log in; customers: N (10000) customers, 50 surnames x 200
  like seed.sql, THREADS (16) at a time; workorders: N (200) work orders (vehicle + 2..4 lines each);
  lines: one work order of N (20) lines
state files in $WORK (default /tmp/mechanics-bench): ours.token, ours-shop.txt, ours-ids.txt, ours-wo-ids.txt,
ours-wo-lines.txt"""
import json, os, random, sys, time, urllib.request, urllib.error
from concurrent.futures import ThreadPoolExecutor

W = os.environ.get("WORK", "/tmp/mechanics-bench")
BASE = sys.argv[1].rstrip("/")
EMAIL = "owner@bench.example.com"
PASSWORD = "bench-Garage-2026-pw"
SURNAMES = ['Smith','Johnson','Ortiz','Brown','Jones','Garcia','Miller','Davies','Rodgers','Martinez',
            'Hernandez','Lopez','Gonzalez','Wilson','Anderson','Thomas','Taylor','Moore','Jackson','Quinn',
            'Lee','Perez','Vance','White','Harris','Sanchez','Clark','Ramirez','Lewis','Robinson',
            'Walker','Young','Allen','King','Wright','Scott','Torres','Nguyen','Hill','Flores',
            'Green','Adams','Nelson','Baker','Hall','Rivera','Campbell','Mitchell','Carter','Evans']
# seed.sql's first names, minus the six whose 3-letter prefix is also a surname prefix (our ?q= matches
# first OR last name): John, David, Thomas, William, Mary, Robert -> Paul, Nancy, Daniel, Betty, Steven, Donna
FIRST = ['James','Nancy','Paul','Patricia','Daniel','Jennifer','Michael','Linda','Steven','Elizabeth',
         'Betty','Barbara','Richard','Susan','Joseph','Jessica','Donna','Sarah','Charles','Karen']

def call(method, path, body=None, token=None, expect=(200, 201)):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(BASE + path, data=data, method=method)
    req.add_header("Accept", "application/json")
    if data is not None: req.add_header("Content-Type", "application/json")
    if token: req.add_header("Authorization", "Bearer " + token)
    for attempt in range(5):
        try:
            with urllib.request.urlopen(req, timeout=60) as r:
                return r.status, json.loads(r.read() or b"null")
        except urllib.error.HTTPError as e:
            txt = e.read().decode(errors="replace")
            if e.code in (429, 503) and attempt < 4: time.sleep(1 + attempt); continue
            raise RuntimeError(f"{method} {path} -> {e.code}: {txt[:300]}")

def token(): return open(f"{W}/ours.token").read().strip()

def vin():
    alpha = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
    v = [random.choice(alpha) for _ in range(17)]
    m = "0123456789.ABCDEFGH..JKLMN.P.R..STUVWXYZ"
    w = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]
    s = sum((int(c) if c.isdigit() else m.index(c) % 10) * w[i] for i, c in enumerate(v))
    v[8] = "X" if s % 11 == 10 else str(s % 11)
    return "".join(v)

def auth():
    try:
        call("POST", "/api/v1/organizations", {"organizationName": "Bench Auto", "shopName": "Bench Main",
             "timeZone": "UTC", "currency": "USD", "ownerName": "Bench Owner", "ownerEmail": EMAIL,
             "ownerPassword": PASSWORD})
    except RuntimeError as e:
        print("sign-up:", e)
    _, t = call("POST", "/api/v1/auth/login", {"email": EMAIL, "password": PASSWORD})
    fd = os.open(f"{W}/ours.token", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.write(fd, t["accessToken"].encode()); os.close(fd)
    _, me = call("GET", "/api/v1/me", token=t["accessToken"])
    shop = None
    def find(o):
        nonlocal shop
        if isinstance(o, dict):
            if "shopId" in o and shop is None: shop = o["shopId"]
            for v in o.values(): find(v)
        elif isinstance(o, list):
            for v in o: find(v)
    find(me)
    if shop is None:
        _, shops = call("GET", "/api/v1/shops", token=t["accessToken"]); shop = shops["items"][0]["id"]
    open(f"{W}/ours-shop.txt", "w").write(shop + "\n")
    print("token ok, expiresIn", t.get("expiresIn"), "shop", shop)

def customers(n, threads):
    tok = token()
    def one(g):
        body = {"firstName": FIRST[g % 20], "lastName": SURNAMES[(g // 20) % 50],
                "phone": str(6080000000 + g), "address": f"{g} Seed St., Seedville"}
        return g, call("POST", "/api/v1/customers", body, tok)[1]["id"]
    t0 = time.time(); ids = {}
    with ThreadPoolExecutor(threads) as ex:
        for g, i in ex.map(one, range(1, n + 1)): ids[g] = i
    with open(f"{W}/ours-ids.txt", "w") as f:
        for g in sorted(ids): f.write(ids[g] + "\n")
    dt = time.time() - t0
    print(f"created {len(ids)} customers in {dt:.1f}s ({len(ids)/dt:.0f}/s) with {threads} threads")

LINES = [
    {"type": "LABOR", "description": "Brake service", "hours": 1.5, "rate": "120.00"},
    {"type": "PART", "description": "Pads", "quantity": 1, "unitCost": "30.00", "unitPrice": "65.99"},
    {"type": "PART", "description": "Rotors", "quantity": 2, "unitCost": "40.00", "unitPrice": "89.50"},
    {"type": "FEE", "description": "Shop supplies", "unitPrice": "12.50"}]

def workorders(n, threads):
    tok = token(); shop = open(f"{W}/ours-shop.txt").read().strip()
    cids = [l.strip() for l in open(f"{W}/ours-ids.txt") if l.strip()]
    def one(k):
        cid = cids[k * 37 % len(cids)]
        veh = call("POST", "/api/v1/vehicles", {"customerId": cid, "vin": vin(), "make": "Ford",
                   "model": "Focus", "year": 2016}, tok)[1]["id"]
        wo = call("POST", "/api/v1/work-orders", {"shopId": shop, "customerId": cid, "vehicleId": veh,
                  "mileageIn": 80000 + k, "complaint": "Noise when braking"}, tok)[1]["id"]
        for line in LINES[: 2 + k % 3]:  # 2..4 lines
            call("POST", f"/api/v1/work-orders/{wo}/lines", line, tok)
        return wo
    t0 = time.time()
    # the first work order of a shop creates its default board columns; concurrent first work orders race on
    # that insert (409 for the losers), so the first one goes alone
    wos = [one(0)]
    with ThreadPoolExecutor(threads) as ex: wos += list(ex.map(one, range(1, n)))
    open(f"{W}/ours-wo-ids.txt", "a").write("\n".join(wos) + "\n")
    print(f"created {len(wos)} work orders in {time.time()-t0:.1f}s")

def lines(n):
    tok = token(); shop = open(f"{W}/ours-shop.txt").read().strip()
    cid = [l.strip() for l in open(f"{W}/ours-ids.txt") if l.strip()][0]
    veh = call("POST", "/api/v1/vehicles", {"customerId": cid, "vin": vin(), "make": "Ford", "model": "Focus",
               "year": 2016}, tok)[1]["id"]
    wo = call("POST", "/api/v1/work-orders", {"shopId": shop, "customerId": cid, "vehicleId": veh,
              "mileageIn": 90000, "complaint": "Full service"}, tok)[1]["id"]
    for k in range(n):
        call("POST", f"/api/v1/work-orders/{wo}/lines", LINES[k % len(LINES)], tok)
    open(f"{W}/ours-wo-lines.txt", "w").write(wo + "\n")
    print(f"work order {wo} with {n} lines")

cmd = sys.argv[2]
n = int(sys.argv[3]) if len(sys.argv) > 3 else 0
th = int(sys.argv[4]) if len(sys.argv) > 4 else 16
{"auth": lambda: auth(), "customers": lambda: customers(n or 10000, th),
 "workorders": lambda: workorders(n or 200, th), "lines": lambda: lines(n or 20)}[cmd]()
