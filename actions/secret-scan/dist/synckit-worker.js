"use strict";var r=require("synckit"),s=require("../lib/main.js");(0,r.runAsWorker)(async(t,i,o)=>(0,s.check)(t,i,o));
