"""A real SMTP server for the tests: aiosmtpd on 127.0.0.1:PORT, each message saved to OUTDIR.

Usage: /usr/bin/python3 smtp_sink.py PORT OUTDIR
Each accepted message becomes OUTDIR/<n>.eml (the bytes as received) with OUTDIR/<n>.rcpt beside it
(MAIL FROM on the first line, then one RCPT TO per line). Both are written under a temporary name and
renamed (.rcpt first), so a reader that sees an .eml also sees its .rcpt, never half a file.
Prints "READY <port>" once it accepts connections; stops on SIGTERM.
"""
import os, signal, sys, threading, uuid
from aiosmtpd.controller import Controller


class SaveToFolder:
    def __init__(self, folder):
        self.folder = folder

    async def handle_DATA(self, server, session, envelope):
        name = os.path.join(self.folder, uuid.uuid4().hex)
        with open(name + ".rcpt.tmp", "w", encoding="utf-8") as f:
            f.write("\n".join([envelope.mail_from or ""] + list(envelope.rcpt_tos)) + "\n")
        os.replace(name + ".rcpt.tmp", name + ".rcpt")
        with open(name + ".tmp", "wb") as f:
            f.write(envelope.original_content)
        os.replace(name + ".tmp", name + ".eml")
        return "250 OK"


def main():
    port, folder = int(sys.argv[1]), sys.argv[2]
    os.makedirs(folder, exist_ok=True)
    controller = Controller(SaveToFolder(folder), hostname="127.0.0.1", port=port)
    controller.start()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    print(f"READY {port}", flush=True)
    stop.wait()
    controller.stop()


if __name__ == "__main__":
    main()
