package org.pbannex.expenditure;

import java.util.List;

/** The expenditure-line contract (DESIGN.md): its header and columns, fixed because other tools write it. */
public final class LineFormat {

    public static final String HEADER = "line_id,period,fund,status,region,country,unit,outcome,object,amount_usd";
    public static final List<String> COLUMNS = List.of(HEADER.split(","));
    static final int LINE_ID = 0;
    static final int PERIOD = 1;
    static final int FUND = 2;
    static final int STATUS = 3;
    static final int REGION = 4;
    static final int COUNTRY = 5;
    static final int UNIT = 6;
    static final int OUTCOME = 7;
    static final int OBJECT = 8;
    static final int AMOUNT = 9;
    static final int FIELDS = 10;

    private LineFormat() {
    }
}
