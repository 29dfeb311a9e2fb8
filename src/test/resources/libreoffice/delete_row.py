# Opens a workbook in LibreOffice through its UNO API, deletes one row of a sheet as a user does (Sheet > Delete Rows),
# and saves it as xlsx: python3 delete_row.py WORKBOOK SHEET ROW PROFILE_DIR OUT (ROW counted from 1, as shown).
# Needs Debian's python3-uno (the python3 it is built for: /usr/bin/python3).
import os
import subprocess
import sys
import time
import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


workbook, sheet, row, profile, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
pipe = "pbannex%d" % os.getpid()
office = subprocess.Popen(["soffice", "--headless", "--norestore", "--nologo",
                           "-env:UserInstallation=" + uno.systemPathToFileUrl(profile),
                           "--accept=pipe,name=%s;urp;" % pipe])
try:
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    context = None
    for _ in range(240):
        try:
            context = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
            break
        except Exception:
            time.sleep(0.5)
    if context is None:
        sys.exit("LibreOffice did not answer on its pipe in 120 s")
    desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(workbook), "_blank", 0, (prop("Hidden", True),))
    if doc is None:
        sys.exit("LibreOffice did not open " + workbook)
    target = doc.Sheets.getByName(sheet)
    print("protected" if target.isProtected() else "not protected")
    refusal = None
    try:
        target.Rows.removeByIndex(row - 1, 1)
        doc.storeToURL(uno.systemPathToFileUrl(out), (prop("FilterName", "Calc MS Excel 2007 XML"),))
    except Exception as refused:
        refusal = "LibreOffice refused to delete row %d of %s: %s" % (row, sheet, refused)
    doc.close(True)
    try:
        desktop.terminate()
    except Exception:
        pass  # the bridge closes as LibreOffice quits
    office.wait(timeout=60)
    if refusal:
        sys.exit(refusal)
finally:
    if office.poll() is None:
        # soffice is a script that starts soffice.bin: end them both.
        subprocess.run(["pkill", "-f", "UserInstallation=" + uno.systemPathToFileUrl(profile)])
        office.kill()
