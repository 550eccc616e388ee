"""The few lines every AGI script needs: read the agi_* block, send a command, read its answer."""
import sys


def environment():
    env = {}
    for line in sys.stdin:
        line = line.rstrip("\n")
        if not line:
            break
        key, _, value = line.partition(": ")
        env[key] = value
    return env


def send(line):
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def answer():
    """One answer; a 520 usage answer is read to its last line and returned whole."""
    first = sys.stdin.readline().rstrip("\n")
    if not first.startswith("520-"):
        return first
    lines = [first]
    while True:
        line = sys.stdin.readline().rstrip("\n")
        lines.append(line)
        if line.startswith("520 ") or not line:
            return "\n".join(lines)


def command(line):
    send(line)
    return answer()


def quote(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
