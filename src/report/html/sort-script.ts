/**
 * Makes every `table.sortable` sortable by clicking a column header. Without
 * JavaScript the tables stay as written (in the order the report ranks them).
 * A cell sorts by its `data-sort` attribute when it has one, else by its text;
 * a column whose cells are all numbers sorts numerically.
 */
export const SORT_SCRIPT = `
(function(){
  function key(cell){var v=cell.getAttribute('data-sort');return v===null?cell.textContent.trim():v;}
  function sortBy(table,col,th){
    var body=table.tBodies[0];if(!body)return;
    var rows=Array.prototype.slice.call(body.rows);
    var numeric=rows.every(function(r){var c=r.cells[col];if(!c)return true;var k=key(c);return k===''||!isNaN(Number(k));});
    var dir=th.getAttribute('aria-sort')==='descending'?1:-1;
    if(th.getAttribute('aria-sort')===null&&!numeric)dir=1;
    rows.sort(function(a,b){
      var x=a.cells[col]?key(a.cells[col]):'',y=b.cells[col]?key(b.cells[col]):'';
      if(numeric){return ((Number(x)||0)-(Number(y)||0))*dir;}
      return x.localeCompare(y)*dir;
    });
    Array.prototype.forEach.call(th.parentNode.children,function(h){h.removeAttribute('aria-sort');});
    th.setAttribute('aria-sort',dir===1?'ascending':'descending');
    rows.forEach(function(r){body.appendChild(r);});
  }
  Array.prototype.forEach.call(document.querySelectorAll('table.sortable'),function(table){
    var head=table.tHead&&table.tHead.rows[0];if(!head)return;
    Array.prototype.forEach.call(head.cells,function(th,col){
      var b=document.createElement('button');b.type='button';
      while(th.firstChild)b.appendChild(th.firstChild);
      th.appendChild(b);
      b.addEventListener('click',function(){sortBy(table,col,th);});
    });
  });
})();
`;
