-- TPC-H Q6, forecasting revenue change (DATE = 1994-01-01, DISCOUNT = 0.06, QUANTITY = 24)
-- SQLite variant: dates as text, date() arithmetic; the discount bounds written out, because
-- SQLite computes 0.06 + 0.01 in binary floating point and would leave out l_discount = 0.07
select
    sum(l_extendedprice * l_discount) as revenue
from
    lineitem
where
    l_shipdate >= '1994-01-01'
    and l_shipdate < date('1994-01-01', '+1 years')
    and l_discount between 0.05 and 0.07
    and l_quantity < 24;
